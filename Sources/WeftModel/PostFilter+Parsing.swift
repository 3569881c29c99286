extension PostFilter {
    /// Reads the author prompt's answer: names separated by commas, `!NAME` to exclude.
    ///
    /// An empty answer clears the author terms.
    public mutating func setAuthors(fromPrompt answer: String) {
        authors = []
        excludedAuthors = []
        for part in answer.split(separator: ",") {
            let name = part.trimmed
            if name.hasPrefix("!") {
                let n = name.dropFirst().trimmed
                if !n.isEmpty { excludedAuthors.append(String(n)) }
            } else if !name.isEmpty {
                authors.append(String(name))
            }
        }
    }

    /// The author terms as the prompt would show them ("DD11, !bob").
    public var authorPromptText: String {
        (authors + excludedAuthors.map { "!" + $0 }).joined(separator: ", ")
    }
}
