import Foundation
import WeftModel

/// Writes threads out: Markdown to read, JSON and mbox to import again.
public enum Exporter {
    /// The export formats.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, json, mbox
    }

    /// The threads in a format.
    public static func export(_ threads: [ForumThread], as format: Format) throws -> Data {
        switch format {
        case .json: return try WeftJSON.encode(threads)
        case .markdown: return Data(threads.map(markdown).joined(separator: "\n\n").utf8)
        case .mbox: return Data(MboxExport.mbox(threads))
        }
    }

    /// One thread as Markdown: posts in reply order, numbered by their place in the tree (1, 1.2, 1.2.1).
    static func markdown(_ thread: ForumThread) -> String {
        let tree = ReplyTree(posts: thread.posts)
        var out = ["# \(thread.title)", ""]
        let meta = [thread.forum, "\(thread.realPostCount) posts"].compactMap { $0 }.joined(separator: " · ")
        out += ["*\(meta)*", ""]
        var path: [Int] = []
        for row in tree.rows {
            // Keep the numbers of this row's ancestors and of its previous sibling, then count it.
            if path.count > row.depth + 1 { path.removeLast(path.count - row.depth - 1) }
            if path.count == row.depth + 1 { path[row.depth] += 1 } else { path.append(1) }
            let post = thread.posts[row.post]
            var head = "## \(path.map(String.init).joined(separator: ".")) \(post.placeholder ? "(not in this archive)" : post.displayAuthor)"
            if let date = post.date { head += " · " + DateText.full(date) }
            if let p = row.parentRow { head += " · in reply to \(thread.posts[tree[p].post].displayAuthor)" }
            if let reason = post.inferred, row.parentRow != nil { head += " · \(reason.explanation)" }
            if row.marker == .parentMissing { head += " · parent not in this thread" }
            out += [head, ""]
            if !post.body.isEmpty { out += [post.body, ""] }
        }
        return out.joined(separator: "\n")
    }
}
