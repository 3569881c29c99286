import WeftModel

/// A thread open in the browser: its tree, what is visible, and per-post caches.
///
/// Parsing and quote resolution happen lazily, per post, when a post is
/// first drawn, so opening a 5,000-post thread costs one tree build.
final class OpenThread {
    let thread: ForumThread
    let tree: ReplyTree
    let resolver: QuoteResolver
    /// Who wrote each post, as people: one author however their name is spelled.
    let authorship: Authorship
    /// Where the read marks live (see ``ReadMarks``); the thread keeps none of its own.
    let marks: ReadMarks
    /// Read post ids, as saved plus what was read in this session.
    var read: Set<String> { marks.readPosts(thread: thread.id) }
    private var unreadCache: (version: Int, count: Int)?
    /// How many real (not placeholder) posts the thread has.
    let postCount: Int

    /// How many real posts are unread; counted when the read marks change, not on every frame.
    var unreadCount: Int {
        if let cached = unreadCache, cached.version == marks.version { return cached.count }
        let read = self.read
        let n = thread.posts.filter { !$0.placeholder && !read.contains($0.id) }.count
        unreadCache = (marks.version, n)
        cacheFills += 1
        return n
    }
    /// Rows whose subtrees are collapsed.
    var collapsed: Set<TreeRow> = []
    /// The tree rows shown, in order; a pane position is a place in this list.
    var visible: [TreeRow] = []
    /// For each visible position, whether the post passes the filter (others are dimmed or hidden).
    var matched: [Bool] = []
    /// The selected position in ``visible``.
    var selection = 0
    /// The first visible position drawn.
    var top = 0
    /// The first body line drawn in the post pane.
    var postScroll = 0
    /// Posts whose long quotes are unfolded.
    var unfolded: Set<PostIndex> = []
    /// A post marked unread by hand, not to be marked read again until the selection moves.
    var keptUnread: PostIndex?
    /// The last laid-out post body, keyed by post, width and view options.
    var linesCache: (key: String, lines: [StyledLine])? { didSet { cacheFills += 1 } }
    /// How many times a cache has been filled: drawing fills none (``App/prepareFrame()`` does), and tests check it.
    private(set) var cacheFills = 0
    private var parsedCache: [PostIndex: ParsedBody] = [:]
    private var snippetCache: [PostIndex: String] = [:]
    private var subjectCache: [PostIndex: String?] = [:]
    /// Real posts up to each visible position, for "post 3 of 12" (recounted when `visible` changes).
    private var realVisibleCache: (visible: [TreeRow], counts: [Int])?

    /// Whether the tree is the thread in time order (every post at top level), not its reply tree.
    let timeOrder: Bool

    /// Parses a body for display.
    let reader: BodyReader

    init(thread: ForumThread, marks: ReadMarks, timeOrder: Bool = false,
         reader: @escaping BodyReader = { body, _ in BodyParser.parseRich(body) }) {
        self.thread = thread
        self.reader = reader
        self.timeOrder = timeOrder
        self.tree = ReplyTree(posts: timeOrder ? thread.inTimeOrder.posts : thread.posts)
        self.resolver = QuoteResolver(posts: thread.posts)
        self.authorship = Authorship(posts: thread.posts)
        self.postCount = thread.realPostCount
        self.marks = marks
    }

    /// How much of a post the browser lays out; the rest is named, not dropped silently.
    static let displayLimit = 1_000_000

    /// How many bytes of a post's body are beyond ``displayLimit``.
    func truncatedBytes(_ post: PostIndex) -> Int {
        max(0, thread.posts[post].body.utf8.count - OpenThread.displayLimit)
    }

    /// The parsed body of a post (its first ``displayLimit`` bytes).
    func parsed(_ post: PostIndex) -> ParsedBody {
        if let p = parsedCache[post] { return p }
        let body = thread.posts[post].body
        let shown = body.utf8.count > OpenThread.displayLimit
            ? String(decoding: body.utf8.prefix(OpenThread.displayLimit), as: UTF8.self) : body
        let p = reader(shown, thread.posts[post].format)
        parsedCache[post] = p
        cacheFills += 1
        return p
    }

    /// The first line of a post's own words, for the tree.
    func snippet(_ post: PostIndex) -> String {
        if let s = snippetCache[post] { return s }
        let text = parsed(post).firstOwnLine
        snippetCache[post] = text
        cacheFills += 1
        return text
    }

    /// A post's own subject where it says something its parent's did not (mutt's rule: "patch 2/3" once, not
    /// on every reply to it), without "Re:" and the list's tag; nil otherwise.
    func changedSubject(_ post: PostIndex) -> String? {
        if let cached = subjectCache[post] { return cached }
        var result: String?
        let p = thread.posts[post]
        if let own = p.subject {
            let parentSubject = p.parent.flatMap { thread.index(ofPost: $0) }.flatMap { thread.posts[$0].subject } ?? thread.title
            let shown = Subject.forList(own, forum: thread.forum)
            if shown.lowercased() != Subject.forList(parentSubject, forum: thread.forum).lowercased() { result = shown }
        }
        subjectCache[post] = .some(result)
        cacheFills += 1
        return result
    }

    /// The thread starter's author key: whose posts are marked OP, under any spelling.
    var starterKey: String? {
        thread.posts.indices.first { !thread.posts[$0].placeholder }.map { authorship.keys[$0] }
    }

    /// The author of post `index`, as a person (see ``Authorship``).
    func authorKey(_ index: PostIndex) -> String { authorship.keys[index.value] }

    /// The name post `index`'s author is shown by (their most used spelling in the thread).
    func author(_ index: PostIndex) -> String { authorship.name(of: index.value, in: thread.posts) }

    /// Whether the filter's author terms keep post `index`, under any spelling of its author's name.
    func passesAuthors(_ filter: PostFilter, _ index: PostIndex) -> Bool {
        filter.passes(spellings: authorship.spellings(of: index.value, in: thread.posts))
    }

    /// The post index at the selection, if any row is visible.
    var selectedPost: PostIndex? {
        visible.indices.contains(selection) ? tree[visible[selection]].post : nil
    }

    /// The selected tree row.
    var selectedRow: TreeRow? {
        visible.indices.contains(selection) ? visible[selection] : nil
    }

    /// Recomputes the visible rows from collapse state and the filter.
    func recompute(filter: PostFilter, hideOthers: Bool) {
        let keepRow = selectedRow
        let dimByFilter = filter.hasAuthorTerms || filter.unreadOnly
        let passes: (PostIndex) -> Bool = { [thread, read, authorship] i in
            filter.matches(thread.posts[i], isRead: read.contains(thread.posts[i].id),
                           spellings: authorship.spellings(of: i.value, in: thread.posts))
        }
        var shown: [(TreeRow, Bool)] = []
        let candidates: [(row: TreeRow, matched: Bool)]
        if hideOthers && dimByFilter {
            candidates = tree.rows(matching: passes, keepAncestors: true)
        } else {
            candidates = tree.allRows.map { ($0, !dimByFilter || passes(tree[$0].post)) }
        }
        var skipUntil = TreeRow(-1)
        for (row, ok) in candidates {
            if row <= skipUntil { continue }
            shown.append((row, ok))
            if collapsed.contains(row) { skipUntil = row + tree[row].descendantCount }
        }
        visible = shown.map(\.0)
        matched = shown.map(\.1)
        if let keepRow, let i = visible.firstIndex(of: keepRow) {
            selection = i
        } else if let keepRow, let i = visible.lastIndex(where: { $0 < keepRow }) {
            selection = i
        } else {
            selection = min(selection, max(0, visible.count - 1))
        }
    }

    /// Fills what drawing the rows from ``top`` in a pane of `height` rows reads: snippets, changed
    /// subjects, the unread count and the selection's place, so that drawing fills no cache.
    func prepareFrame(height: Int) {
        _ = unreadCount
        _ = realPosition(selection)
        for position in top..<min(visible.count, top + max(0, height)) {
            let post = tree[visible[position]].post
            guard !thread.posts[post].placeholder else { continue }
            _ = snippet(post)
            _ = changedSubject(post)
        }
        if let post = selectedPost, !thread.posts[post].placeholder { _ = changedSubject(post) }
    }

    /// Makes a tree row visible by expanding its collapsed ancestors, and selects it.
    /// - Returns: false when the filter hides it.
    @discardableResult
    func reveal(row: TreeRow, filter: PostFilter, hideOthers: Bool) -> Bool {
        for a in tree.ancestors(of: row) where collapsed.contains(a) { collapsed.remove(a) }
        if !visible.contains(row) { recompute(filter: filter, hideOthers: hideOthers) }
        guard let i = visible.firstIndex(of: row) else { return false }
        selection = i
        return true
    }

    /// The place of a visible position among the visible real posts (1-based), and how many there are.
    func realPosition(_ position: Int) -> (number: Int, of: Int) {
        if realVisibleCache?.visible != visible {
            var before: [Int] = []
            var n = 0
            before.reserveCapacity(visible.count)
            for row in visible {
                if !thread.posts[tree[row].post].placeholder { n += 1 }
                before.append(n)
            }
            realVisibleCache = (visible, before)
            cacheFills += 1
        }
        let counts = realVisibleCache!.counts
        guard position >= 0, position < counts.count else { return (0, counts.last ?? 0) }
        return (counts[position], counts.last ?? 0)
    }

    /// Unread posts among those a collapsed row hides (its descendants follow it in pre-order).
    func hiddenUnread(row: TreeRow) -> Int {
        guard collapsed.contains(row) else { return 0 }
        let read = self.read
        return tree.descendants(of: row).reduce(0) { n, r in
            let post = thread.posts[tree[r].post]
            return n + (!post.placeholder && !read.contains(post.id) ? 1 : 0)
        }
    }

    func hiddenCount(row: TreeRow) -> Int { collapsed.contains(row) ? tree[row].descendantCount : 0 }
}

extension OpenThread: PaneView {
    /// The reply tree pane's positions are the visible rows.
    var position: Int { selection }
    var positionCount: Int { visible.count }

    /// Selects a visible position, resetting the post pane to its top.
    func select(_ position: Int) {
        let clamped = max(0, min(position, visible.count - 1))
        if clamped != selection {
            selection = clamped
            postScroll = 0
            keptUnread = nil
        }
    }
}
