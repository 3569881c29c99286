import Foundation
import WeftModel

/// Weft's JSON thread format: the store's thread files and the `--format json` import.
///
/// Version 1 (documented in `docs/store-format.md`):
/// ```json
/// { "weft": 1, "forum": "…",
///   "thread": { "id": "…", "title": "…",
///               "posts": [ { "id": "p1", "author": "ann", "parent": null,
///                            "date": "2024-03-03T14:02:00Z", "number": 1,
///                            "format": "plain", "body": "…" } ] } }
/// ```
/// Only `thread.title`, and each post's `id` and `body`, are required; a file
/// may hold `"threads": [ … ]` instead of one `"thread"`. Keys starting with
/// `_` are comments. This is the shape scrapers write, so a file such as the
/// seed's `seed-thread.json` imports as it is.
public struct ThreadDocument: Sendable {
    /// The format version this code writes and reads.
    public static let version = 1

    /// The forum named at the top of the file.
    public var forum: String?
    /// The threads in the file.
    public var threads: [ForumThread]

    /// Creates a document.
    public init(forum: String?, threads: [ForumThread]) {
        self.forum = forum
        self.threads = threads
    }
}

extension ThreadDocument: Codable {
    private enum Keys: String, CodingKey { case weft, forum, thread, threads }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let v = try c.decodeIfPresent(Int.self, forKey: .weft), v > ThreadDocument.version {
            throw DecodingError.dataCorruptedError(
                forKey: .weft, in: c,
                debugDescription: "format version \(v) is newer than this Weft reads (\(ThreadDocument.version))")
        }
        forum = try c.decodeIfPresent(String.self, forKey: .forum)
        var list: [ThreadRecord] = []
        if let one = try c.decodeIfPresent(ThreadRecord.self, forKey: .thread) { list.append(one) }
        if let many = try c.decodeIfPresent([ThreadRecord].self, forKey: .threads) { list += many }
        guard !list.isEmpty else {
            throw DecodingError.keyNotFound(Keys.thread, .init(
                codingPath: [], debugDescription: "the file has neither \"thread\" nor \"threads\""))
        }
        let forum = self.forum
        // Each thread's reply links may need inferring: threads are made on every core.
        threads = list.parallelMap { $0.model(forum: forum) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ThreadDocument.version, forKey: .weft)
        try c.encodeIfPresent(forum ?? threads.first?.forum, forKey: .forum)
        if threads.count == 1 {
            try c.encode(ThreadRecord(threads[0]), forKey: .thread)
        } else {
            try c.encode(threads.map(ThreadRecord.init), forKey: .threads)
        }
    }
}

/// One thread as written in the file.
struct ThreadRecord: Codable {
    var id: String?
    var title: String
    var forum: String?
    var posts: [PostRecord]

    init(_ thread: ForumThread) {
        id = thread.id
        title = thread.title
        forum = nil
        posts = thread.posts.map(PostRecord.init)
    }

    func model(forum outer: String?) -> ForumThread {
        ThreadRecord.model(id: id, title: title, forum: forum, posts: posts.map(\.model), outer: outer)
    }

    /// The thread a file's record describes (``ThreadFileReader`` makes it from the same fields).
    static func model(id: String?, title: String, forum: String?, posts: [Post], outer: String?) -> ForumThread {
        var thread = ForumThread(id: id ?? ThreadRecord.slug(title), title: title, forum: forum ?? outer, posts: posts)
        // Posts without a `parent` key (a flat forum's, as scrapers write them) get inferred links.
        if thread.posts.contains(where: \.awaitsInference) { thread.inferReplies() }
        return thread
    }

    /// A readable id from a title: lower-case words joined by hyphens.
    static func slug(_ title: String) -> String {
        var out = ""
        var dash = false
        for c in title.lowercased() {
            if c.isLetter || c.isNumber { if dash && !out.isEmpty { out.append("-") }; out.append(c); dash = false }
            else { dash = true }
        }
        return out.isEmpty ? "thread" : String(out.prefix(80))
    }
}
