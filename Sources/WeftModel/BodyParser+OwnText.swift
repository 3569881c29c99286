extension BodyParser {
    /// The words a post's author wrote themselves: its top-level paragraphs and code, without quotes.
    ///
    /// This is what store-wide search indexes, so a word finds the post that
    /// said it rather than every reply that quoted it.
    public static func ownText(_ body: String) -> String {
        // Most posts quote nothing; skip the parse when no line could open a quote.
        // (Bytes, not `String.contains`, which goes through Foundation and costs more than the parse.)
        let marks: Set<UInt8> = [UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "\""), 0xE2, 0xC2, 0xE3]
        if !body.utf8.contains(where: marks.contains) { return body }
        let normalized = body.utf8.contains(13) ? body.replacingCRLF() : body
        return blocks(in: normalized[...], depth: 0, nested: false).compactMap { block -> String? in
            switch block {
            case .paragraph(let text), .code(let text): return text
            case .quote: return nil
            }
        }.joined(separator: "\n\n")
    }
}
