import Foundation

/// A discussion: a title and its posts, in the order the source gave them.
///
/// Named `ForumThread` rather than `Thread` so it never clashes with
/// Foundation's `Thread`.
public struct ForumThread: Equatable, Sendable, Codable {
    /// A stable id for the thread (the source's topic id, or a slug).
    public var id: String
    /// The thread's title: its subject line or topic title.
    public var title: String
    /// The forum or list the thread belongs to, when known.
    public var forum: String?
    /// The posts, in source order. Their order is the fallback for "earlier".
    public var posts: [Post]

    /// Creates a thread.
    public init(id: String, title: String, forum: String? = nil, posts: [Post] = []) {
        self.id = id
        self.title = title
        self.forum = forum
        self.posts = posts
    }

    /// The index of the first post with the given id, if any.
    public func index(ofPost id: String) -> Int? {
        posts.firstIndex { $0.id == id }
    }

    /// The author of the opening post: the first post with no parent, or the first post.
    public var starter: String? {
        (posts.first { $0.parent == nil } ?? posts.first)?.author
    }

    /// Authors with their post counts, most posts first, then by name.
    ///
    /// Unnamed posts are counted under ``Post/unnamedAuthor``.
    public var authorCounts: [(name: String, count: Int)] {
        var counts: [String: Int] = [:]
        for post in posts { counts[post.displayAuthor, default: 0] += 1 }
        return counts.map { (name: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    /// Adds the posts of `other` whose ids this thread does not have yet.
    ///
    /// - Returns: how many posts were added.
    @discardableResult
    public mutating func merge(_ other: ForumThread) -> Int {
        var known = Set(posts.map(\.id))
        var added = 0
        for post in other.posts where !known.contains(post.id) {
            posts.append(post)
            known.insert(post.id)
            added += 1
        }
        if forum == nil { forum = other.forum }
        return added
    }
}

/// A named collection of threads, as the demo forum and JSON imports carry them.
public struct Forum: Equatable, Sendable {
    /// The forum's name.
    public var name: String
    /// Its threads.
    public var threads: [ForumThread]

    /// Creates a forum.
    public init(name: String, threads: [ForumThread]) {
        self.name = name
        self.threads = threads
    }
}
