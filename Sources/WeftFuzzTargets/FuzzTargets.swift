import Foundation
import WeftCodec
import WeftFormats
import WeftMarkup
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
    public static let names = ["mbox", "headers", "mime", "discourse", "reddit", "quotes", "theme", "textpage", "html", "page", "recipe", "markdown", "bbcode", "threadfile"]

    /// The page a fuzzed recipe is applied to.
    static let recipePage = """
        <html><body><h1>T</h1><div class="p" id="m1"><b>ann</b> 3 May 2020<div class="t">Hi <q>x</q></div></div>
        <div class="p" id="m2"><b>bob</b> Today at 3:12 PM<div class="t"><blockquote data-ref="1">Hi</blockquote>ok</div></div></body></html>
        """

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
                                      Post(id: "b", body: text)]).sources(forPost: PostIndex(1), body: body)
        case "theme":
            _ = try? ThemeParser.parse(String(decoding: data, as: UTF8.self), file: "fuzz.toml")
        case "textpage":
            _ = try? Importer.read(data, source: "fuzz.txt", format: .text)
        case "html":
            _ = HTMLText.text(from: String(decoding: data, as: UTF8.self))
        case "page":
            // Every built-in recipe is tried on the bytes (each detect), and the matching one read.
            _ = try? Importer.read(data, source: "fuzz.html", format: .page)
        case "recipe":
            if let recipe = try? Recipe.parse(String(decoding: data, as: UTF8.self), file: "fuzz.toml") {
                _ = try? ForumPages.extract(Array(FuzzTargets.recipePage.utf8), recipes: RecipeBook(recipes: [recipe]), forceFirst: true)
            }
        case "markdown":
            // Both flavours, laid out at a narrow and a wide width, in ASCII and not.
            let text = String(decoding: data, as: UTF8.self)
            for flavor in [MarkdownParser.Flavor.commonMark, .newlinesBreak] {
                let body = MarkdownParser.parse(text, flavor: flavor)
                _ = PostRendering.lines(body, width: 20, ascii: true, reflow: true)
                _ = PostRendering.lines(body, width: 100)
            }
        case "threadfile":
            // The hand reader may only read what the decoder reads, and read it the same.
            if let fast = ThreadFileReader.decode(data) {
                let slow = try? JSONDecoder().decode(ThreadDocument.self, from: data)
                precondition(slow?.threads == fast.threads && slow?.forum == fast.forum, "the thread file reader and the decoder differ")
            }
        case "bbcode":
            let body = BodyParser.parseRich(String(decoding: data, as: UTF8.self))
            _ = PostRendering.lines(body, width: 20, ascii: true, reflow: true)
            _ = PostRendering.lines(body, width: 100)
        default:
            preconditionFailure("unknown fuzz target \(name)")
        }
    }
}
