extension Post {
    /// Whether the post's link is open and was never inferred (as importers of flat sources leave it).
    public var awaitsInference: Bool { inferred == .default && parent == nil }
}

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

    /// The thread in time order: the same posts, in source order, none answering another.
    ///
    /// What the browser shows when the reader switches the reply tree off (`T`), to read a
    /// flat thread as its forum showed it, or check an inferred tree against the plain order.
    public var inTimeOrder: ForumThread {
        var copy = self
        for i in copy.posts.indices {
            copy.posts[i].parent = nil
            copy.posts[i].inferred = nil
        }
        return copy
    }
}
