/// One RFC 5322 message: its unfolded header fields and its raw body bytes.
public struct MailMessage: Sendable {
    /// Header fields in order, names as written, values unfolded but not decoded.
    public var headers: [(name: String, value: String)]
    /// The body bytes after the blank line, CRLF left as it came.
    public var body: ArraySlice<UInt8>

    /// The first field with this name (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        headers.first { MailMessage.sameName($0.name, name) }?.value
    }

    /// Whether two header names are equal ignoring ASCII case (header names are ASCII), without allocating.
    static func sameName(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return zip(a.utf8, b.utf8).allSatisfy { x, y in
            x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A)
        }
    }

    /// Parses a message: header lines up to the first empty line, folded lines joined.
    ///
    /// A message with no blank line has headers only; a first line that is
    /// not a header (no colon) starts the body, as lenient readers do.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> MailMessage {
        var headers: [(String, String)] = []
        var i = bytes.startIndex
        var current: (String, [UInt8])?
        func flush() {
            if let (name, value) = current {
                // Trimmed as bytes: header white space is ASCII, and this runs for every field of every message.
                let start = value.firstIndex { !$0.isASCIIWhiteSpace } ?? value.endIndex
                let end = value.lastIndex { !$0.isASCIIWhiteSpace }.map { $0 + 1 } ?? start
                headers.append((name, Charset.headerText(Array(value[start..<max(start, end)]))))
            }
            current = nil
        }
        while i < bytes.endIndex {
            var end = i
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            var line = bytes[i..<end]
            if line.last == 0x0D { line = line.dropLast() }
            let next = end < bytes.endIndex ? end + 1 : end
            if line.isEmpty {
                flush()
                return MailMessage(headers: headers, body: bytes[next...])
            }
            if line.first == 0x20 || line.first == 0x09 {
                // A folded continuation of the previous field.
                if current != nil { current!.1.append(0x20); current!.1 += line.drop { $0 == 0x20 || $0 == 0x09 } }
            } else if let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                      !line[line.startIndex..<colon].contains(where: { $0 == 0x20 || $0 < 0x21 || $0 > 0x7E }) {
                flush()
                current = (String(decoding: line[line.startIndex..<colon], as: UTF8.self), Array(line[(colon + 1)...]))
            } else if headers.isEmpty && current == nil && line.starts(with: Array("From ".utf8)) {
                // An mbox envelope line left on a message: not a header.
            } else {
                flush()
                return MailMessage(headers: headers, body: bytes[i...])
            }
            i = next
        }
        flush()
        return MailMessage(headers: headers, body: bytes[bytes.endIndex...])
    }
}
