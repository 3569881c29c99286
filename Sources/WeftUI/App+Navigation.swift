import WeftModel

extension App {
    /// Rows of content in the focused pane (its height less the title row).
    func pageSize() -> Int {
        let l = layout
        let rect: Rect? = focus == .list ? l.list : focus == .tree ? l.tree : l.post
        return max(1, (rect?.height ?? 2) - 1)
    }

    /// Body lines the post pane shows at once (less the header lines).
    func postPageSize() -> Int { max(1, (layout.post?.height ?? 3) - 2) }

    /// The pane the focus is on, as the selection moves in it (the post pane's positions are its scroll lines).
    var focusedView: PaneView? {
        switch focus {
        case .list: return results ?? threadList
        case .tree: return open
        case .post: return postPane
        }
    }

    /// Moves the selection in the focused pane.
    func move(by delta: Int) { focusedView?.move(by: delta) }

    /// Moves the selection in the focused pane to a position (clamped).
    func move(to index: Int) { focusedView?.select(index) }

    /// Selects a visible tree position, resetting the post pane to its top.
    func select(position: Int, in o: OpenThread) { o.select(position) }

    /// How far Space and `b` page the post: a page less one line, which stays in view (as `less` keeps it).
    func postReadingStep() -> Int { max(1, postPageSize() - 1) }

    /// Scrolls the post pane, within its lines.
    func scrollPost(by delta: Int) {
        postPane?.move(by: delta)
    }

    /// Space: page down the post; at its end, go on to the next post in tree order.
    func readOn() {
        guard let o = open else {
            openSelectedThread()
            if open != nil { focus = .tree }
            return
        }
        let remaining = postLineCount() - (o.postScroll + postPageSize())
        if remaining > 0 {
            scrollPost(by: postReadingStep())
            return
        }
        // Paged through to its end: the post is read, however quickly.
        if let shown = displayedPost { markRead(thread: shown.thread, post: shown.post) }
        if o.selection + 1 < o.visible.count {
            select(position: o.selection + 1, in: o)
        } else {
            // The end of the thread: on to the next one with unread posts, as tin's and slrn's Space do.
            goToUnreadThread(forward: true)
        }
    }

    /// Opens the thread at the list selection.
    func openSelectedThread() {
        guard let s = selectedSummary else {
            say("no thread selected")
            return
        }
        openThread(id: s.id, selectPost: nil)
    }

    /// Opens a thread by id, selecting a post (or the first unread one).
    func openThread(id: String, selectPost postID: String?) {
        do {
            let thread = try source.loadThread(id: id)
            marks.pinned = id
            let read = marks.readPosts(thread: id)
            let o = OpenThread(thread: thread, marks: marks, timeOrder: options.timeOrder, reader: bodyReader)
            o.recompute(filter: filter, hideOthers: hideOthers)
            let target = postID.flatMap { thread.index(ofPost: $0) }.map { o.tree.row(ofPost: $0) }
                ?? o.visible.first { row in
                    let post = thread.posts[o.tree[row].post]
                    return !post.placeholder && !read.contains(post.id)
                }
                ?? o.visible.first
            open = o
            if let target { o.reveal(row: target, filter: filter, hideOthers: hideOthers) }
            if let i = threadList.position(ofThread: id) { threadList.select(i) }
        } catch {
            say("\(error)", error: true)
        }
    }

    func closeThread() {
        // Leaving a thread saves its marks, as mutt saves a folder's flags on leaving it.
        flushReadState()
        if let o = open { lastPlace = BrowserMemory.Place(thread: o.thread.id, post: o.selectedPost.map { o.thread.posts[$0].id }) }
        open = nil
        quoteCycle = nil
    }

    /// `T`: shows the open thread (and those opened after) in time order, or as its reply tree again.
    func toggleTimeOrder() {
        options.timeOrder.toggle()
        let mode = options.timeOrder ? "time order: posts as they came, no reply links" : "reply tree"
        guard let o = open else {
            say(mode)
            return
        }
        let selected = o.selectedPost
        let n = OpenThread(thread: o.thread, marks: marks, timeOrder: options.timeOrder, reader: bodyReader)
        n.recompute(filter: filter, hideOthers: hideOthers)
        open = n
        quoteCycle = nil
        if let selected { n.reveal(row: n.tree.row(ofPost: selected), filter: filter, hideOthers: hideOthers) }
        let inferred = o.thread.posts.filter { $0.inferred != nil && $0.parent != nil }.count
        say(options.timeOrder || inferred == 0 ? mode : "reply tree (\(inferred) links inferred: ╌ in the tree)")
    }

    /// `u`: the post this one answers.
    func goToParent() {
        guard let o = open, let row = o.selectedRow else { return }
        guard let parent = o.tree[row].parentRow else {
            say(o.tree[row].marker == .parentMissing ? "its parent is not in this thread" : "this is a top-level post")
            return
        }
        jump(to: parent, in: o)
    }

    /// `[` and `]`: the previous or next reply to the same post.
    func goToSibling(next: Bool) {
        guard let o = open, let row = o.selectedRow else { return }
        let target = next ? o.tree[row].nextSiblingRow : o.tree.previousSibling(of: row)
        guard let target else {
            say(next ? "no later reply to the same post" : "no earlier reply to the same post")
            return
        }
        if !o.reveal(row: target, filter: filter, hideOthers: hideOthers) { say("that reply is hidden by the filter") }
        o.postScroll = 0
    }

    /// Selects a row, remembering where we were for Backspace.
    func jump(to row: TreeRow, in o: OpenThread) {
        if let post = o.selectedPost { jumpHistory.append((o.thread.id, o.thread.posts[post].id)) }
        if jumpHistory.count > 200 { jumpHistory.removeFirst(jumpHistory.count - 200) }
        if !o.reveal(row: row, filter: filter, hideOthers: hideOthers) {
            hideOthers = false
            o.recompute(filter: filter, hideOthers: false)
            o.reveal(row: row, filter: filter, hideOthers: false)
            say("showing all posts, to show the one jumped to")
        }
        o.postScroll = 0
        o.keptUnread = nil
    }

    /// Backspace: back along the jump history.
    func jumpBack() {
        guard let (threadID, postID) = jumpHistory.popLast() else {
            say("no earlier position to go back to")
            return
        }
        if open?.thread.id != threadID { openThread(id: threadID, selectPost: postID) }
        guard let o = open, let i = o.thread.index(ofPost: postID) else { return }
        o.reveal(row: o.tree.row(ofPost: i), filter: filter, hideOthers: hideOthers)
        o.postScroll = 0
        quoteCycle = nil
        say("back to \(o.author(i))'s post")
    }

    /// `x`: collapses or expands the selected subtree (on a leaf, its parent's).
    func toggleCollapse() {
        guard let o = open, let row = o.selectedRow else { return }
        var target = row
        if o.tree[row].descendantCount == 0 {
            guard let p = o.tree[row].parentRow else {
                say("no replies to collapse")
                return
            }
            target = p
        }
        if o.collapsed.contains(target) { o.collapsed.remove(target) } else { o.collapsed.insert(target) }
        o.recompute(filter: filter, hideOthers: hideOthers)
        o.reveal(row: target, filter: filter, hideOthers: hideOthers)
    }

    /// Keeps each pane's selection on screen.
    func keepSelectionsInView() {
        let l = layout
        threadList.scroll(height: max(1, (l.list?.height ?? 2) - 1))
        results?.scroll(height: l.list?.height ?? 2)
        if let o = open {
            let treeHeight = max(1, (l.tree?.height ?? 2) - 1)
            o.top = App.scrolled(top: o.top, selection: o.selection, height: treeHeight, count: o.visible.count)
            if let pane = postPane { pane.select(o.postScroll) } else { o.postScroll = 0 }
        }
        prepareFrame()
    }

    /// Fetches what the next frame shows and the source must be asked for (the list rows in view, the
    /// author filter's count), so that ``render()`` only reads state. Runs after every action, resize and reload.
    func prepareFrame() {
        let l = layout
        threadList.fetchVisible(rows: max(0, (l.list?.height ?? 1) - 1))
        if filter.hasAuthorTerms { _ = authorPostCount() }
        if let o = open {
            o.prepareFrame(height: max(0, (l.tree?.height ?? 1) - 1))
            _ = postPane  // lays out the post shown
        }
    }

    /// The top row that keeps `selection` in view with a little context.
    static func scrolled(top: Int, selection: Int, height: Int, count: Int) -> Int {
        let margin = height > 8 ? 2 : 0
        var t = top
        if selection < t + margin { t = selection - margin }
        if selection >= t + height - margin { t = selection - height + margin + 1 }
        return max(0, min(t, count - height))
    }
}
