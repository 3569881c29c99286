/// A one-line question on the prompt row, with optional completion.
struct Prompt {
    /// What the answer is for.
    enum Kind: Equatable {
        case author
        case search
        case link(count: Int)
        case storeSearch
        /// y or n: mark every listed thread read.
        case confirmCatchUp
        /// Where to save the post, or the whole thread.
        case save(thread: Bool)
        /// A shell command to pipe the post to.
        case pipe
        /// An action by name, with its words (`:`).
        case command
    }

    var kind: Kind
    /// The question's label.
    var label: String
    /// What has been typed.
    var text: String
    /// Completion candidates with their counts, for the author prompt.
    var candidates: [(name: String, count: Int)] = []
    /// The candidates matching the term being typed.
    var matches: [(name: String, count: Int)] = []
    /// Which match Tab last chose.
    var matchIndex: Int?
    /// The text before Tab started cycling.
    var stem: String?

    /// The term being typed: after the last comma, without a leading "!".
    var currentTerm: (prefix: String, negated: Bool, term: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let last = parts.last.map(String.init) ?? ""
        let head = parts.dropLast().joined(separator: ",")
        let leading = last.prefix { $0 == " " }
        var term = last.dropFirst(leading.count)
        let negated = term.hasPrefix("!")
        if negated { term = term.dropFirst() }
        let prefix = head.isEmpty ? String(leading) : head + "," + (leading.isEmpty ? " " : String(leading))
        return (prefix, negated, String(term))
    }

    /// Recomputes the matches for the current term: prefix matches first, then others containing it.
    mutating func updateMatches() {
        let term = currentTerm.term.lowercased()
        if term.isEmpty { matches = candidates; return }
        let prefix = candidates.filter { $0.name.lowercased().hasPrefix(term) }
        let inner = candidates.filter { !$0.name.lowercased().hasPrefix(term) && $0.name.lowercased().contains(term) }
        matches = prefix + inner
    }

    /// Tab: replaces the current term with the next match.
    mutating func complete() {
        if stem == nil {
            updateMatches()
            stem = text
            matchIndex = nil
        }
        guard !matches.isEmpty else { return }
        let next = matchIndex.map { ($0 + 1) % matches.count } ?? 0
        matchIndex = next
        var base = self
        base.text = stem ?? text
        let (prefix, negated, _) = base.currentTerm
        text = prefix + (negated ? "!" : "") + matches[next].name
    }
}
