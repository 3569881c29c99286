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
    public func index(ofPost id: String) -> PostIndex? {
        posts.firstIndex { $0.id == id }.map(PostIndex.init)
    }

    /// The author of the opening post: the first post with no parent, or the first post.
    public var starter: String? {
        (posts.first { $0.parent == nil } ?? posts.first)?.author
    }

    /// Adds the posts of `other` whose ids this thread does not have yet.
    ///
    /// A real post replaces a placeholder with its id; a placeholder never
    /// replaces anything. Parents written as `#N` (a post number, as Discourse
    /// replies name them) are resolved to the id of post number N once the
    /// thread holds it.
    /// - Returns: how many real posts were added.
    @discardableResult
    public mutating func merge(_ other: ForumThread) -> Int {
        var index: [String: Int] = [:]
        for (i, post) in posts.enumerated() where index[post.id] == nil { index[post.id] = i }
        let hadPosts = !posts.isEmpty
        var added = 0
        for post in other.posts {
            if let i = index[post.id] {
                if posts[i].placeholder && !post.placeholder {
                    posts[i] = post
                    added += 1
                }
                continue
            }
            index[post.id] = posts.count
            posts.append(post)
            if !post.placeholder { added += 1 }
        }
        if forum == nil { forum = other.forum }
        if title.isEmpty || title.hasPrefix("(untitled") { title = other.title }
        if added > 0 && hadPosts { orderByNumber() }
        if added > 0 { settleStubs() }
        resolveNumberedParents()
        // New posts of a flat thread get links in the context of the posts before them; earlier posts
        // keep theirs (inference looks only backwards). Posts merged into an empty thread keep the
        // links their import inferred, unless some were never inferred.
        if added > 0 && hasInferredLinks && (hadPosts || posts.contains(where: \.awaitsInference)) { inferReplies() }
        return added
    }

    /// Adds the posts of `other` whose ids are new, as they are: no reordering, no inference.
    ///
    /// For readers that gather many pieces of a thread and then call ``orderByNumber()`` and
    /// ``inferReplies()`` once; ``merge(_:)`` does all three for one piece.
    public mutating func append(_ other: ForumThread) {
        var ids = Set(posts.map(\.id))
        for post in other.posts where ids.insert(post.id).inserted { posts.append(post) }
        if forum == nil { forum = other.forum }
        if title.isEmpty { title = other.title }
    }

    /// Puts the posts in the order of their numbers, when every post has one.
    ///
    /// Pages of a forum thread saved or imported in any order then read as the forum
    /// showed them: a forum's post ids grow with time, as Discourse's post numbers do.
    /// The sort is stable, and a thread whose posts are not all numbered keeps its order.
    public mutating func orderByNumber() {
        guard posts.allSatisfy({ $0.number != nil }) else { return }
        let isOrdered = zip(posts, posts.dropFirst()).allSatisfy { $0.number! <= $1.number! }
        if !isOrdered {
            posts = posts.enumerated().sorted { ($0.element.number!, $0.offset) < ($1.element.number!, $1.offset) }.map(\.element)
        }
    }

    /// Turns `#N` parents into the id of post number N where the thread has it.
    public mutating func resolveNumberedParents() {
        guard posts.contains(where: { $0.parent?.hasPrefix("#") == true }) else { return }
        var byNumber: [Int: String] = [:]
        for post in posts { if let n = post.number, byNumber[n] == nil { byNumber[n] = post.id } }
        for i in posts.indices {
            guard let p = posts[i].parent, p.hasPrefix("#"), let n = Int(p.dropFirst()), let id = byNumber[n] else { continue }
            posts[i].parent = id
        }
    }

    /// The number of real posts (placeholders left out).
    public var realPostCount: Int { posts.reduce(0) { $0 + ($1.placeholder ? 0 : 1) } }
}
