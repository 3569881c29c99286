extension BodyParser {
    /// The words a post's author wrote themselves: its top-level paragraphs and code, without quotes.
    ///
    /// This is what store-wide search indexes, so a word finds the post that
    /// said it rather than every reply that quoted it.
    public static func ownText(_ body: String) -> String {
        // (Bytes, not `String.contains`, which goes through Foundation and costs more than the parse.)
        var hasQuoteMark = false, hasOther = false
        for b in body.utf8 {
            switch b {
            case UInt8(ascii: ">"): hasQuoteMark = true
            case UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "~"), 13, 0xC2, 0xE2, 0xE3:
                hasOther = true
            default: break
            }
            if hasOther { break }
        }
        // Most posts quote nothing.
        if !hasQuoteMark && !hasOther { return body }
        // Mail replies quote only with `>` lines: drop them and the attribution line that introduces them.
        if !hasOther { return withoutPrefixedQuotes(body) }
        let normalized = body.utf8.contains(13) ? body.replacingCRLF() : body
        return blocks(in: normalized[...], depth: 0, nested: false).compactMap(\.text).joined(separator: "\n\n")
    }

    /// The body without `>` lines and the attribution lines just before them; the same own text
    /// the full parse gives when a body has no BBCode, quotation marks or code fences.
    ///
    /// On the bytes, lines as ranges: an import runs this on every reply (a million at a time), where
    /// splitting into substrings and joining them again cost more than the rest of the indexing.
    static func withoutPrefixedQuotes(_ body: String) -> String {
        var body = body
        return body.withUTF8 { bytes in
            var kept: [Range<Int>] = []
            var start = 0
            let n = bytes.count
            while start <= n {
                var end = start
                while end < n && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                // Quoted: up to three spaces, then `>` (as LineParser.isQuoted).
                var i = start
                while i < end && i - start < 3 && bytes[i] == UInt8(ascii: " ") { i += 1 }
                if i < end && bytes[i] == UInt8(ascii: ">") {
                    if let last = kept.last,
                       Attribution.isAttribution(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[last]), as: UTF8.self))) {
                        kept.removeLast()
                    }
                } else {
                    kept.append(start..<end)
                }
                start = end + 1
            }
            var out: [UInt8] = []
            out.reserveCapacity(n)
            for (k, line) in kept.enumerated() {
                if k > 0 { out.append(UInt8(ascii: "\n")) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line]))
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
