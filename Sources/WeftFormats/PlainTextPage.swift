import WeftModel

/// Reads a discussion saved as a plain-text page.
///
/// The shape is what a browser's "save as text" leaves of a forum thread:
/// ```
/// Forum name
///
/// Thread title
///
///
/// First post…
///
///
///
/// Second post…
/// ```
/// The first non-blank line is the forum, the next the title, and posts are
/// separated by three or more blank lines (a post may itself hold one or two
/// blank lines in a row). Bodies are kept exactly, without the blank lines
/// around them. Such pages keep no authors, dates or structure: authors are
/// unknown, and the reply links are inferred (``ReplyInference``), as for any flat forum.
/// Post ids are the position and a hash of the body ("p3-1f0c9a2b"), so importing
/// the same page again adds nothing and another page of the same thread adds its posts.
public enum PlainTextPage {
    /// How many blank lines in a row separate two posts.
    public static let separatorBlankLines = 3

    /// Parses a page into one thread, naming `source` in errors.
    public static func parse(_ text: String, source: String) throws -> ForumThread {
        // Character-wise, "\r\n" is one newline, so CRLF pages split the same.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var i = 0
        func nextNonBlank() -> (Int, Substring)? {
            while i < lines.count {
                defer { i += 1 }
                if !lines[i].isBlank { return (i, lines[i]) }
            }
            return nil
        }
        guard let (_, forumLine) = nextNonBlank() else {
            throw ImportError(source: source, position: "line 1", reason: "the page is empty")
        }
        guard let (titleIndex, titleLine) = nextNonBlank() else {
            throw ImportError(source: source, position: "line \(lines.count)",
                              reason: "the page ends after the forum name, with no thread title")
        }
        var bodies: [[Substring]] = []
        var current: [Substring] = []
        var blankRun = 0
        for line in lines[i...] {
            if line.isBlank { blankRun += 1; continue }
            if blankRun >= separatorBlankLines, !current.isEmpty {
                bodies.append(current)
                current = []
            } else if !current.isEmpty {
                current.append(contentsOf: repeatElement("", count: blankRun))
            }
            blankRun = 0
            current.append(line)
        }
        if !current.isEmpty { bodies.append(current) }
        guard !bodies.isEmpty else {
            throw ImportError(source: source, position: "line \(titleIndex + 1)",
                              reason: "the page has a title but no posts after it")
        }
        let title = String(titleLine.trimmed)
        var posts: [Post] = []
        for (n, lines) in bodies.enumerated() {
            let body = lines.joined(separator: "\n")
            // The position alone would make page 2 of a thread collide with page 1 on merge,
            // and a hash alone would merge two identical posts: the id carries both.
            let id = "p\(n + 1)-" + String(StableHash.hex(body).prefix(8))
            posts.append(Post(id: id, number: n + 1, body: body, inferred: .default))
        }
        var thread = ForumThread(id: Slug.make(title), title: title, forum: String(forumLine.trimmed), posts: posts)
        thread.inferReplies()
        return thread
    }

}

extension Substring {
    var trimmed: Substring {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[start...end]
    }
}
