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
        return blocks(in: normalized[...], depth: 0, nested: false).compactMap { block -> String? in
            switch block {
            case .paragraph(let text), .code(let text): return text
            case .quote: return nil
            }
        }.joined(separator: "\n\n")
    }

    /// The body without `>` lines and the attribution lines just before them; the same own text
    /// the full parse gives when a body has no BBCode, quotation marks or code fences.
    static func withoutPrefixedQuotes(_ body: String) -> String {
        var kept: [Substring] = []
        for line in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init) {
            if LineParser.isQuoted(line) {
                if let last = kept.last, Attribution.isAttribution(last) { kept.removeLast() }
                continue
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }
}
