import Foundation
import WeftModel

/// The threads of an import's mail, decided and not yet made: each is made, posts and all, when asked for.
///
/// Threading decides every message's parent from numbers (see ``JWZThreader``); the posts, with their
/// texts from the spill, are made a few threads at a time as the import writes them, so that an
/// import never holds a post for every message. Thread ids are distinct.
public final class MailThreads: Sendable {
    let mail: JWZThreader.Input
    let forest: MailForest
    /// Each thread's roots: one, or several that are named alike and are made into one thread.
    let roots: [[Int32]]
    let records: MailRecords
    let forum: String?

    init(mail: JWZThreader.Input, forest: MailForest, roots: [[Int32]], records: MailRecords, forum: String?) {
        (self.mail, self.forest, self.roots, self.records, self.forum) = (mail, forest, roots, records, forum)
    }

    /// How many threads there are.
    public var count: Int { roots.count }

    /// The id of thread `k` (without making it).
    public func id(_ k: Int) -> String { mail.ids[JWZThreader.threadID(roots[k][0], forest: forest, mail: mail)] }

    /// Threads `range`, made on every core. Throws when a message's text cannot be read back from the spill.
    public func threads(_ range: Range<Int>) throws -> [ForumThread] {
        try Array(range).parallelMap { k in Result { try self.thread(k) } }.map { try $0.get() }
    }

    /// Every thread.
    public func all() throws -> [ForumThread] { try threads(0..<count) }

    /// Thread `k`, made.
    public func thread(_ k: Int) throws -> ForumThread {
        var thread = try makeThread(roots[k][0])
        for root in roots[k].dropFirst() { thread.merge(try makeThread(root)) }
        return thread
    }

    /// What a post keeps of its message besides the post: its references and subject.
    struct Headers {
        var references: [String]
        var subject: String
    }

    private func makeThread(_ root: Int32) throws -> ForumThread {
        let ids = mail.ids
        var posts: [Post] = []
        var stack = [root]
        var placeholders: [Post] = []
        var headers: [String: Headers] = [:]
        while let c = stack.popLast() {
            var post: Post
            let id = ids[c]
            let i = forest.item[Int(c)]
            var references: [String] = []
            if i >= 0 {
                let item = mail.items[Int(i)]
                let record = try records.read(item.record)
                references = item.references.map { ids[mail.references[$0]] }
                headers[id] = Headers(references: references, subject: record.subject)
                if var stored = record.storedPost {
                    stored.id = id
                    post = stored
                } else {
                    post = Post(id: id, author: record.author, date: item.date, body: record.body,
                                format: record.isHTML ? .html : .plain, headers: record.headers)
                }
            } else {
                post = Post(id: id, body: "", placeholder: true)
            }
            let p = forest.parent[Int(c)]
            post.parent = p >= 0 ? ids[p] : nil
            if c == root, i >= 0 {
                // A reply whose ancestors are all missing keeps its real parent, so that
                // when it is merged into the stored thread it lands in the right place.
                post.parent = references.last
            }
            if i < 0 { placeholders.append(post) } else { posts.append(post) }
            stack.append(contentsOf: forest.children(c).reversed())
        }
        // The root's kept reference must name a message outside the thread: one inside it (a References
        // loop whose link the threader refused) would make the stored parents a cycle.
        if let k = posts.firstIndex(where: { $0.id == ids[root] }), let parent = posts[k].parent, headers[parent] != nil {
            posts[k].parent = nil
        }
        // Source order is date order; placeholders come before the replies they hold.
        posts.sort { ($0.date ?? .distantFuture) < ($1.date ?? .distantFuture) }
        let title: String
        if forest.item[Int(root)] >= 0 {
            title = headers[ids[root]]?.subject ?? ""
        } else {
            let first = posts.first.flatMap { headers[$0.id]?.subject } ?? ""
            title = Subject.normalize(first).base.isEmpty ? "(no subject)" : Subject.stripReplyPrefixes(first)
        }
        let id = ids[JWZThreader.threadID(root, forest: forest, mail: mail)]
        var thread = ForumThread(id: id, title: title.isEmpty ? "(no subject)" : title, forum: forum,
                                 posts: placeholders + posts)
        MailImporter.keepHeaders(&thread, headers: headers)
        return thread
    }
}
