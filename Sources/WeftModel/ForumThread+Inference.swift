extension ForumThread {
    /// Whether any post's reply link is open to inference (the source gave none).
    public var hasInferredLinks: Bool { posts.contains { $0.inferred != nil } }

    /// Infers the parent of every post whose source gave no reply link, recording why.
    ///
    /// Posts with links from their source are left as they are. Running it again,
    /// or after posts were appended, gives earlier posts the same links.
    public mutating func inferReplies() {
        guard hasInferredLinks else { return }
        let links = ReplyInference(posts: posts).links()
        for (i, link) in links.enumerated() {
            guard let link else { continue }
            posts[i].parent = link.parent.map { posts[$0].id }
            posts[i].inferred = link.reason
        }
    }

    /// The thread in time order: every post after the first answers the first, links inferred or not.
    ///
    /// What the browser shows when the reader switches a flat thread's inferred tree off.
    public var inTimeOrder: ForumThread {
        var copy = self
        let first = copy.posts.firstIndex { !$0.placeholder }
        for i in copy.posts.indices {
            copy.posts[i].parent = (i == first || first == nil) ? nil : copy.posts[first!].id
        }
        return copy
    }
}
