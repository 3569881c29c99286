#if canImport(Glibc)
import Glibc
#endif

/// Splits an mbox file into messages (mboxo and mboxrd).
///
/// A message starts at a `From ` line at the start of the file or after a
/// line break. Body lines written as `>From `, `>>From `… lose one `>`
/// (the mboxrd rule; for mboxo only `>From ` was escaped, which this also undoes).
public enum Mbox {
    /// Whether data looks like an mbox: it starts with a `From ` envelope line.
    public static func looksLikeMbox(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: Array("From ".utf8))
    }

    /// Where one message lies in the file.
    public struct Span: Sendable {
        /// Byte offset of its envelope line.
        public var offset: Int
        /// 1-based line number of its envelope line.
        public var line: Int
        /// The message's bytes, envelope line excluded, still escaped.
        public var body: Range<Int>
    }

    /// Where every message lies, in order, without copying any.
    public static func spans(_ bytes: [UInt8]) -> [Span] { scan(bytes).spans }

    /// Where every message lies, and how many line breaks the bytes hold (so a reader of a file in
    /// blocks knows the line the next block starts on without counting them again).
    static func scan(_ bytes: [UInt8]) -> (spans: [Span], lineBreaks: Int) {
        var spans: [Span] = []
        var start: Int? = nil
        var startLine = 1
        var line = 1
        var i = 0
        let n = bytes.count
        func emit(upTo end: Int) {
            guard let s = start else { return }
            // Skip the envelope line.
            var bodyStart = s
            while bodyStart < end, bytes[bodyStart] != 0x0A { bodyStart += 1 }
            bodyStart = min(end, bodyStart + 1)
            spans.append(Span(offset: s, line: startLine, body: bodyStart..<end))
        }
        bytes.withUnsafeBufferPointer { buffer in
            while i < n {
                if buffer[i] == 0x46, i == 0 || buffer[i - 1] == 0x0A, i + 5 <= n,
                   buffer[i + 1] == 0x72, buffer[i + 2] == 0x6F, buffer[i + 3] == 0x6D, buffer[i + 4] == 0x20 {
                    emit(upTo: i)
                    start = i
                    startLine = line
                }
                // Jump to the next line.
                guard let newline = memchr(buffer.baseAddress! + i, 0x0A, n - i) else { break }
                i = buffer.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                line += 1
            }
        }
        emit(upTo: n)
        return (spans, line - 1)
    }

    /// Removes one `>` from `>+From ` lines, and the blank line that separates messages.
    ///
    /// Whole lines are copied at once (`memchr` finds their ends): this runs over every byte of an archive.
    static func unescape(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        slice.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let n = buffer.count
            var i = 0
            while i < n {
                if buffer[i] == 0x3E {
                    var j = i
                    while j < n, buffer[j] == 0x3E { j += 1 }
                    if j + 5 <= n, buffer[j] == 0x46, buffer[j + 1] == 0x72, buffer[j + 2] == 0x6F,
                       buffer[j + 3] == 0x6D, buffer[j + 4] == 0x20 { i += 1 }
                }
                let end = memchr(base + i, 0x0A, n - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1 } ?? n
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i..<end]))
                i = end
            }
        }
        return out
    }

    /// An mbox (mboxrd) of messages: `From ` lines escaped, a blank line after each.
    public static func write(_ messages: [[UInt8]], envelopes: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (message, envelope) in zip(messages, envelopes) {
            out += Array("From \(envelope)\n".utf8)
            var lineStart = true
            var i = 0
            while i < message.count {
                if lineStart {
                    var j = i
                    while j < message.count, message[j] == 0x3E { j += 1 }
                    if j + 5 <= message.count, message[j..<(j + 5)].elementsEqual("From ".utf8) { out.append(0x3E) }
                }
                out.append(message[i])
                lineStart = message[i] == 0x0A
                i += 1
            }
            if message.last != 0x0A { out.append(0x0A) }
            out.append(0x0A)
        }
        return out
    }
}
