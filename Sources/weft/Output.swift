import Foundation
import WeftModel

/// Writes text for people: on a terminal, controls and bidi overrides in the
/// text are shown (`^[`, `<U+202E>`) instead of obeyed.
///
/// JSON output and files written with `-o` are data and go out unchanged
/// (JSON escapes controls itself); plain text to a pipe is left as it is,
/// so scripts see the real bytes.
enum Output {
    static let stdoutIsTerminal = isatty(1) == 1
    static let stderrIsTerminal = isatty(2) == 1

    /// A count with its noun, singular for one: "1 thread", "2 posts".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Prints a line (or block) of text to standard output.
    static func line(_ text: String, terminator: String = "\n") {
        let safe = stdoutIsTerminal ? TerminalSafe.clean(text) : text
        FileHandle.standardOutput.write(Data((safe + terminator).utf8))
    }

    /// Prints lines with one write for every 64 KB, not one for each (`weft list` prints 100,000).
    static func lines(_ lines: some Sequence<String>) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        for line in lines {
            buffer.append(contentsOf: (stdoutIsTerminal ? TerminalSafe.clean(line) : line).utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { FileHandle.standardOutput.write(Data(buffer)) }
    }

    /// Writes bytes to standard output as they are (JSON, or text already made safe).
    static func bytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(1, raw.baseAddress! + done, raw.count - done)
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
    }

    /// Writes bytes of human-readable text (Markdown export) to standard output.
    static func text(_ data: Data) {
        guard stdoutIsTerminal else { return FileHandle.standardOutput.write(data) }
        FileHandle.standardOutput.write(Data(TerminalSafe.clean(String(decoding: data, as: UTF8.self)).utf8))
    }

    /// Prints a message to standard error, always cleaned: it names files and quotes data.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalSafe.clean(text, keepNewlines: true) + "\n").utf8))
    }
}
