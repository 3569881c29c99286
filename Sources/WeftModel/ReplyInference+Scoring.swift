extension ReplyInference {
    /// A threaded discussion made flat the way flat forums show it, with its real links kept as the truth.
    public struct FlattenedThread: Sendable {
        /// The posts in source-number order, with no reply links and quotes written as plain text.
        public var thread: ForumThread
        /// For each post, the index of the post it really answers (`nil` for the first post).
        public var truth: [Int?]
        /// For each post, the posts its outermost quotes really come from, where the source named them (`post:N`).
        public var quoted: [[Int]]

        /// Pairs posts with their true parents and quote sources.
        public init(thread: ForumThread, truth: [Int?], quoted: [[Int]]? = nil) {
            self.thread = thread
            self.truth = truth
            self.quoted = quoted ?? Array(repeating: [], count: truth.count)
        }
    }

    /// Flattens a thread whose reply links are known, for scoring the inference against them.
    ///
    /// Posts go in `number` order (source order when unnumbered) and lose their
    /// `parent`. Each BBCode or Discourse quote becomes `name wrote:` followed by
    /// its lines prefixed `> `, without the post number, as flat forums print
    /// quotes. The truth of a post is its parent when the parent is in the thread,
    /// else the first post (a Discourse reply to a post outside the captured pages).
    public static func flatten(_ thread: ForumThread) -> FlattenedThread {
        let real = thread.posts.enumerated().filter { !$0.element.placeholder }
            .sorted { ($0.element.number ?? $0.offset, $0.offset) < ($1.element.number ?? $1.offset, $1.offset) }
            .map(\.element)
        var position: [String: Int] = [:]
        var byNumber: [Int: Int] = [:]
        for (i, post) in real.enumerated() where position[post.id] == nil {
            position[post.id] = i
            if let n = post.number, byNumber[n] == nil { byNumber[n] = i }
        }
        var truth: [Int?] = []
        var quoted: [[Int]] = []
        var posts: [Post] = []
        for (i, post) in real.enumerated() {
            let parent = post.parent.flatMap { position[$0] }.flatMap { $0 < i ? $0 : nil }
            truth.append(i == 0 ? nil : parent ?? 0)
            let parsed = BodyParser.parse(post.body)
            quoted.append(parsed.quotes.filter { $0.level == 1 }.compactMap { $0.quote.postNumber.flatMap { byNumber[$0] } })
            posts.append(Post(id: post.id, author: post.author, date: post.date, body: plainText(parsed.blocks),
                              inferred: .default))
        }
        var flat = thread
        flat.posts = posts
        return FlattenedThread(thread: flat, truth: truth, quoted: quoted)
    }

    /// A parsed body as text, its quotes written as `name wrote:` and `> ` lines.
    static func plainText(_ blocks: [Block]) -> String {
        func render(_ blocks: [Block]) -> String {
            blocks.map { block -> String in
                switch block {
                case .quote(let quote):
                    let inner = render(quote.blocks).split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
                    return (quote.author.map { "\($0) wrote:\n" } ?? "") + inner
                default: return block.text ?? ""
                }
            }.joined(separator: "\n\n")
        }
        return render(blocks)
    }

    /// How well inferred links match the truth, over any number of threads.
    public struct Score: Sendable {
        /// Replies scored (every post but each thread's first).
        public var replies = 0
        /// Replies whose inferred parent is the true one.
        public var correct = 0
        /// Replies whose true parent is the thread's first post.
        public var firstBaseline = 0
        /// Replies whose true parent is the post just before.
        public var previousBaseline = 0
        /// Quote links whose post's quotes name their source: how many, and how many point to a quoted post.
        public var quoteLinks = (checked: 0, right: 0)
        /// Per reason: links inferred for it, and how many were right.
        public var byReason: [ReplyReason: (links: Int, correct: Int)] = [:]

        /// An empty score.
        public init() {}

        /// Infers the links of a flattened thread and adds how they compare with its truth.
        public mutating func add(_ flat: FlattenedThread) {
            let links = ReplyInference(posts: flat.thread.posts).links()
            for (i, truth) in flat.truth.enumerated() where i > 0 {
                guard let truth, let link = links[i] else { continue }
                replies += 1
                let right = link.parent == truth
                if right { correct += 1 }
                if truth == 0 { firstBaseline += 1 }
                if truth == i - 1 { previousBaseline += 1 }
                var r = byReason[link.reason] ?? (0, 0)
                r.links += 1
                if right { r.correct += 1 }
                byReason[link.reason] = r
                if link.reason == .quote && !flat.quoted[i].isEmpty {
                    quoteLinks.checked += 1
                    if let p = link.parent, flat.quoted[i].contains(p) { quoteLinks.right += 1 }
                }
            }
        }

        /// A share of the replies, in percent.
        public func percent(_ n: Int) -> Double { replies == 0 ? 0 : 100 * Double(n) / Double(replies) }
    }
}
