import Foundation
import WeftStore
import WeftUI

/// The browser's memory between runs: `$XDG_STATE_HOME/weft/state.json` (else `~/.local/state`).
///
/// A file that cannot be read is left alone and the browser starts as new; written atomically on exit.
enum StateFile {
    static var url: URL {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (env["HOME"] ?? NSTemporaryDirectory()) + "/.local/state"
        return URL(fileURLWithPath: base).appendingPathComponent("weft/state.json")
    }

    /// What was remembered, or a fresh memory (with a note when the file was there but unreadable).
    static func load() -> (BrowserMemory, note: String?) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return (BrowserMemory(), nil) }
        do {
            return (try JSONDecoder().decode(BrowserMemory.self, from: data), nil)
        } catch {
            return (BrowserMemory(), "\(url.path) cannot be read (\(error)); starting afresh")
        }
    }

    /// Writes the memory; a failure is only said, the browser having ended.
    static func save(_ memory: BrowserMemory) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try AtomicFile.write(try encoder.encode(memory) + Data("\n".utf8), to: url)
        } catch {
            Output.error("weft: note: the browser's state was not saved: \(error)")
        }
    }
}
