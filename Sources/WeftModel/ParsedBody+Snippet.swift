extension ParsedBody {
    /// The first line of the post's own words, for the tree: not an attribution, a quote, a line that only
    /// greets ("Hi all,"), or a signature; a quote's first line (marked `> `) when the post says nothing else.
    public var firstOwnLine: String {
        for block in blocks {
            let text: String
            switch block {
            case .paragraph(let t), .heading(_, let t): text = t.plain
            case .list, .table, .patch: text = block.text ?? ""
            default: continue
            }
            for line in text.split(separator: "\n") {
                let t = line.trimmed
                if t.isEmpty || t == "--" || Attribution.isAttribution(t) || Attribution.opensWrapped(t)
                    || ParsedBody.onlyGreets(t) {
                    continue
                }
                return String(t)
            }
        }
        if let q = quotes.first?.quote.ownText.split(separator: "\n").first { return "> " + q.trimmed }
        return ""
    }

    /// Whether a line only greets: "Hi all,", "Hello Jiri,", "Dear maintainers:".
    static func onlyGreets(_ line: Substring) -> Bool {
        // A name alone, as mail replies open: "Jonathan,".
        if line.last == ",", line.split(separator: " ").count <= 2, line.count <= 30 { return true }
        guard line.count <= 40, let last = line.last, last == "," || last == ":" || last == "!" || line.split(separator: " ").count <= 2 else {
            return false
        }
        let lower = line.lowercased()
        let words = lower.split { !$0.isLetter }
        guard let first = words.first, words.count <= 4 else { return false }
        return ["hi", "hello", "hey", "dear", "hallo", "heya", "greetings", "morning", "evening", "folks", "all"].contains(String(first))
    }
}
