/// Finds `[quote…]…[/quote]` blocks, as forums and Discourse write them.
public enum BBCode {
    /// The parts of an opening `[quote…]` tag.
    public struct Tag: Equatable, Sendable {
        public var author: String?
        public var postNumber: Int?
        public var topicID: Int?
    }

    /// A stretch of text, or one top-level quote with its inner text.
    public enum Segment {
        case text(Substring)
        case quote(Tag, Substring)
    }

    /// Splits text into plain stretches and top-level quotes.
    ///
    /// Nested quotes stay inside their parent's inner text for the next level.
    /// An opening tag with no matching close is left as text, as Discourse does.
    public static func segments(in text: Substring, enabled: Bool) -> [Segment] {
        guard enabled, mayHoldQuote(text) else { return [.text(text)] }
        var result: [Segment] = []
        var plainStart = text.startIndex
        var cursor = text.startIndex
        while let open = findTag(in: text, from: cursor) {
            guard open.isOpening else { cursor = open.range.upperBound; continue }
            guard let close = matchingClose(in: text, after: open.range.upperBound) else { break }
            if plainStart < open.range.lowerBound { result.append(.text(text[plainStart..<open.range.lowerBound])) }
            result.append(.quote(open.tag, trimNewlines(text[open.range.upperBound..<close.lowerBound])))
            cursor = close.upperBound
            plainStart = cursor
        }
        if plainStart < text.endIndex { result.append(.text(text[plainStart...])) }
        return result
    }

    /// Whether `[quote` (any case) appears: a byte scan, since most posts have none and
    /// Foundation's case-insensitive search costs more than the whole parse.
    static func mayHoldQuote(_ text: Substring) -> Bool {
        let bytes = text.utf8
        var i = bytes.startIndex
        let word: [UInt8] = Array("quote".utf8)
        while let bracket = bytes[i...].firstIndex(of: UInt8(ascii: "[")) {
            var j = bytes.index(after: bracket)
            var matched = 0
            while matched < word.count, j < bytes.endIndex, bytes[j] | 0x20 == word[matched] {
                matched += 1
                j = bytes.index(after: j)
            }
            if matched == word.count { return true }
            i = bytes.index(after: bracket)
        }
        return false
    }

    private struct Found {
        var range: Range<Substring.Index>
        var isOpening: Bool
        var tag: Tag
    }

    /// The next `[quote…]` or `[/quote]` tag at or after `start`.
    private static func findTag(in text: Substring, from start: Substring.Index) -> Found? {
        var search = start
        while let bracket = text[search...].firstIndex(of: "[") {
            let rest = text[bracket...]
            if rest.prefix(8).lowercased() == "[/quote]" {
                return Found(range: bracket..<text.index(bracket, offsetBy: 8), isOpening: false, tag: Tag())
            }
            if rest.prefix(6).lowercased() == "[quote" {
                let after = text.index(bracket, offsetBy: 6)
                if after < text.endIndex, text[after] == "]" || text[after] == "=" || text[after] == " ",
                   let end = text[after...].firstIndex(of: "]"),
                   !text[after..<end].contains("\n") {
                    return Found(range: bracket..<text.index(after: end), isOpening: true,
                                 tag: parseTag(text[after..<end]))
                }
            }
            search = text.index(after: bracket)
        }
        return nil
    }

    /// The range of the `[/quote]` that closes a quote opened just before `start`.
    private static func matchingClose(in text: Substring, after start: Substring.Index) -> Range<Substring.Index>? {
        var depth = 1
        var cursor = start
        while let tag = findTag(in: text, from: cursor) {
            depth += tag.isOpening ? 1 : -1
            if depth == 0 { return tag.range }
            cursor = tag.range.upperBound
        }
        return nil
    }

    /// Reads `="name, post:3, topic:42"` (or `=name`, or nothing) into a tag.
    static func parseTag(_ args: Substring) -> Tag {
        var body = args.drop { $0 == "=" || $0 == " " }
        if let q = body.first, q == "\"" || q == "'" || q == "“" || q == "‘" {
            // Old posts carried over from phpBB write typographic quotes: [quote=“name”].
            let close: Character = q == "“" ? "”" : q == "‘" ? "’" : q
            body = body.dropFirst()
            if let end = body.firstIndex(of: close) { body = body[..<end] }
        }
        var tag = Tag()
        for (n, part) in body.split(separator: ",").enumerated() {
            let field = part.trimmed
            if field.hasPrefix("post:") {
                tag.postNumber = Int(field.dropFirst(5).trimmed)
            } else if field.hasPrefix("topic:") {
                tag.topicID = Int(field.dropFirst(6).trimmed)
            } else if n == 0, !field.isEmpty, !field.contains(":") {
                tag.author = String(field)
            }
        }
        return tag
    }

    private static func trimNewlines(_ s: Substring) -> Substring {
        guard let start = s.firstIndex(where: { $0 != "\n" }),
              let end = s.lastIndex(where: { $0 != "\n" }) else { return s[s.endIndex...] }
        return s[start...end]
    }
}
