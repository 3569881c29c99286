import Foundation
import WeftFormats
import WeftModel
import WeftUI

/// The parsers that read text from strangers, each as a fuzz target.
///
/// A target takes arbitrary bytes and must return without crashing, hanging
/// or growing without bound. `weft-fuzz` runs them under libFuzzer (built
/// with `-sanitize=fuzzer`) or replays files; the unit tests replay every
/// input kept in `Tests/fuzz/regressions`.
public enum FuzzTargets {
    /// Target names, for `WEFT_FUZZ_TARGET` and corpus folders.
    public static let names = ["mbox", "headers", "mime", "discourse", "reddit", "quotes", "theme", "textpage", "html"]

    /// Runs the named target on one input.
    public static func run(_ name: String, _ data: Data) {
        switch name {
        case "mbox":
            _ = try? Importer.read(data, source: "fuzz.mbox", format: .mbox)
        case "headers":
            let message = MailMessage.parse([UInt8](data)[...])
            for (_, value) in message.headers { _ = EncodedWords.decode(value) }
        case "mime":
            _ = try? Importer.read(data, source: "fuzz.eml", format: .maildir)
        case "discourse":
            _ = try? Importer.read(data, source: "fuzz.json", format: .discourse)
        case "reddit":
            _ = try? Importer.read(data, source: "fuzz.json", format: .reddit)
        case "quotes":
            let text = String(decoding: data, as: UTF8.self)
            let body = BodyParser.parse(text)
            _ = QuoteResolver(posts: [Post(id: "a", author: "x", body: "earlier words here and there"),
                                      Post(id: "b", body: text)]).sources(forPost: 1, body: body)
        case "theme":
            _ = try? ThemeParser.parse(String(decoding: data, as: UTF8.self), file: "fuzz.toml")
        case "textpage":
            _ = try? Importer.read(data, source: "fuzz.txt", format: .text)
        case "html":
            _ = HTMLText.text(from: String(decoding: data, as: UTF8.self))
        default:
            preconditionFailure("unknown fuzz target \(name)")
        }
    }
}
