import Foundation
import WeftModel

/// Renders a thread as an indented reply tree with bodies, for `weft show`.
///
/// ```
/// Title
/// Forum · 13 posts · 3 authors
///
/// [p1] sparky1
///     body…
///   [p6] DD11 · in reply to sparky1 · inferred from a quote   (links a flat source lacked say why)
///       > DD11 wrote:            (quotes marked with "> ", one per level)
/// ```
/// Posts that a filter leaves out but whose replies it keeps show as a
/// header line only, so the shape of the tree stays visible.
public enum TreeText {
    /// How far each reply level is indented.
    public static let indentStep = 2

    /// The whole thread as text.
    public static func render(_ thread: ForumThread, filter: PostFilter = PostFilter(),
                              read: Set<String> = [], keepContext: Bool = true, zone: TimeZone = DateText.utc) -> String {
        let tree = ReplyTree(posts: thread.posts)
        let resolver = QuoteResolver(posts: thread.posts)
        var out: [String] = [thread.title]
        let authors = Set(thread.posts.filter { !$0.placeholder }.map(\.displayAuthor)).count
        out.append([thread.forum, "\(thread.realPostCount) posts", "\(authors) authors", "id \(thread.id)"]
            .compactMap { $0 }.joined(separator: " · "))
        out.append("")
        let visible = tree.rows(matching: { filter.matches(thread.posts[$0], isRead: read.contains(thread.posts[$0].id)) },
                                keepAncestors: keepContext)
        for (r, matched) in visible {
            let row = tree[r]
            let post = thread.posts[row.post]
            let pad = String(repeating: " ", count: indentStep * min(row.depth, 20))
            out.append(pad + header(post, row: row, tree: tree, thread: thread, zone: zone))
            guard matched, !post.placeholder else { continue }
            let parsed = BodyParser.parse(post.format == .html ? MarkdownEscape.unescape(post.body) : post.body)
            let sources = resolver.sources(forPost: row.post, body: parsed)
            for line in BodyText.lines(parsed, sources: sources, posts: thread.posts) {
                out.append(line.isEmpty ? "" : pad + "    " + line)
            }
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func header(_ post: Post, row: ReplyTree.Row, tree: ReplyTree, thread: ForumThread, zone: TimeZone) -> String {
        if post.placeholder { return "[\(post.id)] " + (post.body.isEmpty ? "(not in this archive)" : "[\(post.body)]") }
        var parts = ["[\(post.id)] \(post.displayAuthor)"]
        if let date = post.date { parts.append(DateText.full(date, zone: zone)) }
        if let subject = post.subject { parts.append("Subject: " + subject) }
        // (`parentRow` is a tree row: the post it shows is `tree[p].post`; the types keep the two apart.)
        if let p = row.parentRow { parts.append("in reply to \(thread.posts[tree[p].post].displayAuthor)") }
        if let reason = post.inferred, row.parentRow != nil { parts.append(reason.explanation) }
        switch row.marker {
        case .parentMissing?: parts.append("parent not in this thread")
        case .cycleBroken?: parts.append("reply loop broken here")
        case .duplicateID?: parts.append("duplicate id")
        case nil: break
        }
        return parts.joined(separator: " · ")
    }
}

/// A parsed body as plain lines, quotes marked with `> ` per level.
public enum BodyText {
    /// The body's lines; each quote starts with its attribution and names its source post when known.
    public static func lines(_ body: ParsedBody, sources: [QuoteResolver.Source], posts: [Post]) -> [String] {
        var out: [String] = []
        var quoteIndex = 0
        func emit(_ blocks: [Block], prefix: String) {
            for (n, block) in blocks.enumerated() {
                if n > 0 { out.append(prefix.trimmingTrailingSpace) }
                switch block {
                case .paragraph(let text), .heading(_, let text):
                    for line in text.plain.split(separator: "\n", omittingEmptySubsequences: false) { out.append(prefix + line) }
                case .patch(let text):
                    for line in text.split(separator: "\n", omittingEmptySubsequences: false) { out.append(prefix + line) }
                case .list(let list):
                    for (k, item) in list.items.enumerated() {
                        let bullet = list.ordered ? "\(list.start + k). " : "- "
                        for (j, line) in (item.compactMap(\.text).joined(separator: "\n")).split(separator: "\n").enumerated() {
                            out.append(prefix + (j == 0 ? bullet : String(repeating: " ", count: bullet.count)) + line)
                        }
                    }
                case .rule:
                    out.append(prefix + "---")
                case .table:
                    for line in (block.text ?? "").split(separator: "\n") { out.append(prefix + line) }
                case .code(let text):
                    for line in text.split(separator: "\n", omittingEmptySubsequences: false) { out.append(prefix + "    " + line) }
                case .quote(let quote):
                    let source = quoteIndex < sources.count ? sources[quoteIndex].post : nil
                    quoteIndex += 1
                    var head = quote.attribution ?? ""
                    if let source { head += (head.isEmpty ? "" : " ") + "[quoting \(posts[source].id)]" }
                    if !head.isEmpty { out.append(prefix + "> " + head) }
                    emit(quote.blocks, prefix: prefix + "> ")
                }
            }
        }
        emit(body.blocks, prefix: "")
        if !body.links.isEmpty {
            out.append("")
            for (n, link) in body.links.enumerated() { out.append("[\(n + 1)] \(link.url)") }
        }
        return out
    }
}

extension String {
    var trimmingTrailingSpace: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
