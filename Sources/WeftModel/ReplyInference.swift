/// Recovers who answered whom in a flat thread, and says why for each link.
///
/// Flat forums (phpBB, vBulletin, SMF, saved text pages) keep posts in time
/// order with no reply links. Readers rebuild the conversation from quotes and
/// from how posts address each other; this does the same. For each post whose
/// link is open (``Post/inferred`` set), the signals are tried strongest first:
///
/// 1. **quote**: the post quotes an earlier post (``QuoteResolver``: post number,
///    or the quoted text; a quote whose text is found nowhere is not a signal);
/// 2. **salutation**: its own words open by addressing an earlier poster
///    ("Hi DD11,", "Thanks sparky1", "bob:", "@bob"); it answers that poster's latest post;
/// 3. **mention**: it names with `@name` the author of one of the last ``recent`` posts,
///    and answers that post;
/// 4. **conversation**: one of the last ``recent`` posts, written since this
///    author last posted, answered or addressed them; the post answers it;
/// 5. **thanks**: it opens with a thank-you that names no one ("Thanks for the reply"),
///    and answers the post just before (by someone else);
/// 6. **default**: the thread's opening post.
///
/// The order and each rule were chosen by measurement (`weft-bench replies`):
/// Discourse topics flattened the way flat forums show them, scored against
/// their real reply links; the README has the table. Rules that were tried and
/// lost accuracy are left out: a double post continuing its author's previous
/// one (22% right), words shared with recent posts (no better than the opening
/// post), the previous post as the default (5.5 points worse), and @mentions of
/// people who last posted long ago (35% right). A newcomer greeting the thread's
/// starter answers the opening post, not the starter's latest reply: that is
/// what such greetings do in the seed thread.
///
/// Inference looks only at a post and the posts before it, so posts appended
/// later (a page saved again with a new last page) never move earlier links.
/// Links the source gave (``Post/inferred`` `nil`) are never changed; they take
/// part only as possible parents.
public struct ReplyInference: Sendable {
    /// One inferred link: the index of the parent post (`nil` for an opening post) and why.
    public struct Link: Equatable, Sendable {
        /// The parent's index in the thread's posts.
        public var parent: Int?
        /// Why the parent was chosen.
        public var reason: ReplyReason

        /// Creates a link.
        public init(parent: Int?, reason: ReplyReason) {
            self.parent = parent
            self.reason = reason
        }
    }

    private let posts: [Post]
    private let resolver: QuoteResolver
    /// How many posts back a conversation or a mention still counts as recent (measured: 3).
    static let recent = 3

    /// Prepares to infer the links of one thread's posts, in thread order.
    public init(posts: [Post]) {
        self.posts = posts
        self.resolver = QuoteResolver(posts: posts)
    }

    /// The inferred link of every post whose link is open, `nil` for links the source gave.
    ///
    /// Near linear in the posts: each post looks back at most ``recent`` posts, and a quote's text is
    /// searched through an index in long threads; a 5,000-post thread takes well under a second
    /// (`weft-bench replies`).
    public func links() -> [Link?] {
        var state = State(count: posts.count)
        var result = [Link?](repeating: nil, count: posts.count)
        var idIndex: [String: Int] = [:]
        for (i, post) in posts.enumerated() where idIndex[post.id] == nil { idIndex[post.id] = i }
        // Bodies are parsed on every core first: parsing is most of the work, and each post's is its own.
        // (Blocks only: the links a full parse also finds play no part here.)
        let bodies = posts.parallelMap { $0.placeholder ? ParsedBody(blocks: [], links: []) : BodyParser.blocksOnly($0.body) }
        for (i, post) in posts.enumerated() {
            let body = bodies[i]
            let names = post.placeholder ? [] : Addressing.names(in: body, known: state.latestByName, excluding: key(post))
            let parent: Int?
            if post.inferred == nil {
                parent = post.parent.flatMap { idIndex[$0] }.flatMap { $0 < i ? $0 : nil }
            } else {
                let link = infer(i, body: body, names: names, state: state)
                result[i] = link
                parent = link.parent
            }
            state.record(i, author: key(post), parent: parent, names: names, placeholder: post.placeholder)
        }
        return result
    }

    /// What the scan has seen of the posts before the current one.
    struct State {
        /// Each earlier author's (lower-cased) latest post.
        var latestByName: [String: Int] = [:]
        /// Each post's resolved parent index.
        var parent: [Int?]
        /// For each post, the authors it answers or addresses (lower-cased).
        var addressed: [[String]]
        /// The first post that is not a placeholder and answers no one.
        var opening: Int?

        /// Each recorded post's author (lower-cased), `nil` when unnamed or a placeholder.
        var author: [String?]
        /// Which recorded posts are real (not placeholders).
        var isReal: [Bool]

        init(count: Int) {
            parent = Array(repeating: nil, count: count)
            addressed = Array(repeating: [], count: count)
            author = Array(repeating: nil, count: count)
            isReal = Array(repeating: false, count: count)
        }

        /// The latest real post before `i` by someone other than `me` (any post when `me` is unknown).
        func latestOther(than me: String?, before i: Int) -> Int? {
            var j = i - 1
            while j >= 0 {
                if isReal[j] && (me == nil || author[j] != me) { return j }
                j -= 1
            }
            return nil
        }

        mutating func record(_ i: Int, author name: String?, parent p: Int?, names: [Addressing.Name], placeholder: Bool) {
            parent[i] = p
            guard !placeholder else { return }
            isReal[i] = true
            if opening == nil && p == nil { opening = i }
            var to = names.map(\.key)
            if let p, let k = author[p] { to.append(k) }
            addressed[i] = to
            author[i] = name
            if let name { latestByName[name] = i }
        }
    }

    private func key(_ post: Post) -> String? { post.author.map { $0.lowercased() } }

    /// The link of post `i`, from the strongest signal it shows.
    private func infer(_ i: Int, body: ParsedBody, names: [Addressing.Name], state: State) -> Link {
        guard let opening = state.opening else { return Link(parent: nil, reason: .opening) }
        let me = key(posts[i])
        // 1. A quote of an earlier post.
        for source in resolver.sources(forPost: PostIndex(i), body: body) where source.level == 1 && source.method != .authorOnly {
            if let p = source.post?.value, p < i, !posts[p].placeholder { return Link(parent: p, reason: .quote) }
        }
        // 2, 3. A greeting or an @mention of an earlier poster.
        for name in names {
            guard let target = state.latestByName[name.key] else { continue }
            let reason: ReplyReason = name.salutation ? .salutation : .mention
            // An @mention of someone who posted long ago is mostly a call for their attention, not an answer.
            if !name.salutation && i - target > Self.recent { continue }
            let isNewcomer = me.map { state.latestByName[$0] == nil } ?? true
            if isNewcomer && name.key == key(posts[opening]) { return Link(parent: opening, reason: reason) }
            return Link(parent: target, reason: reason)
        }
        // 4. Someone answered or addressed this author since their last post, among the last few posts
        //    (long after, the author has likely moved on to the thread at large).
        if let me, let last = state.latestByName[me] {
            var j = i - 1
            while j > max(last, i - Self.recent - 1) {
                if state.isReal[j], state.author[j] != me, state.addressed[j].contains(me) {
                    return Link(parent: j, reason: .conversation)
                }
                j -= 1
            }
        }
        // 5. A thank-you that names no one thanks whoever wrote last.
        if Addressing.opensWithThanks(body), let previous = state.latestOther(than: me, before: i) {
            return Link(parent: previous, reason: .thanks)
        }
        return Link(parent: opening, reason: .default)
    }
}
