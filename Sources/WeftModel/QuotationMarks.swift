/// Turns paragraphs wholly inside quotation marks into quotes.
///
/// A quoted passage from a paper is often pasted as one or more paragraphs
/// that open with a quotation mark and close with one, as in the seed
/// thread's fifth post. Marks inside the passage (“creep”) do not end it.
enum QuotationMarks {
    static let opening: Set<Character> = ["\"", "“", "„", "«", "「", "『"]
    static let closing: Set<Character> = ["\"", "”", "»", "」", "』"]
    /// How many paragraphs one passage may span.
    static let maxParagraphs = 12
    /// Shorter quoted text is dialogue or a title, not a passage.
    static let minLength = 60

    /// Groups runs of paragraphs that open and close with quotation marks into quotes.
    static func group(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        var i = 0
        while i < blocks.count {
            if case .paragraph(let first) = blocks[i], let f = first.plain.trimmed.first, opening.contains(f),
               let end = closingParagraph(blocks, from: i) {
                let texts = blocks[i...end].compactMap { block -> String? in
                    if case .paragraph(let t) = block { return t.plain }
                    return nil
                }
                var inner = texts
                inner[0] = String(inner[0].trimmed.dropFirst())
                inner[inner.count - 1] = String(inner[inner.count - 1].trimmed.dropLast())
                result.append(.quote(Quote(style: .quotationMarks, blocks: inner.map { .plain($0) })))
                i = end + 1
            } else {
                result.append(blocks[i])
                i += 1
            }
        }
        return result
    }

    /// The index of the paragraph that closes a passage opened at `start`, if the run is all paragraphs.
    private static func closingParagraph(_ blocks: [Block], from start: Int) -> Int? {
        var length = 0
        for j in start..<min(blocks.count, start + maxParagraphs) {
            guard case .paragraph(let text) = blocks[j] else { return nil }
            let t = text.plain.trimmed
            length += t.count
            if j > start, let f = t.first, opening.contains(f), f != "\"" { return nil }
            if let l = t.last, closing.contains(l), t.count > 1 || j > start {
                return length >= minLength && balanced(blocks[start...j]) ? j : nil
            }
        }
        return nil
    }

    /// Whether straight double quotes across the run pair up, so that a closing mark really closes.
    private static func balanced(_ run: ArraySlice<Block>) -> Bool {
        var straight = 0
        for case .paragraph(let t) in run { straight += t.plain.filter { $0 == "\"" }.count }
        return straight % 2 == 0
    }
}
