import WeftModel

extension App {
    /// Whether a visible position of the open thread is an unread post (not a stand-in).
    func isUnread(_ o: OpenThread, position: Int) -> Bool {
        let post = o.thread.posts[o.tree[o.visible[position]].post]
        return !post.placeholder && !o.read.contains(post.id)
    }

    /// `.` and `,`: the next (or previous) unread post, in this thread or the next (previous) one
    /// with unread posts, from any pane (mutt's and tin's Tab).
    func goToUnreadPost(forward: Bool) {
        if let o = open, !o.visible.isEmpty {
            let positions = forward ? Array((o.selection + 1)..<o.visible.count) : Array((0..<o.selection).reversed())
            if let p = positions.first(where: { isUnread(o, position: $0) }) {
                select(position: p, in: o)
                if focus == .list { focus = .tree }
                return
            }
        }
        goToUnreadThread(forward: forward)
    }

    /// `>` and `<`: the next (or previous) thread in the list with unread posts, opened at its first unread post.
    func goToUnreadThread(forward: Bool) {
        let list = threadList
        let here = open.flatMap { list.position(ofThread: $0.thread.id) } ?? (forward ? list.selection - 1 : list.selection + 1)
        let positions = forward ? Array(stride(from: here + 1, to: list.count, by: 1)) : Array(stride(from: here - 1, through: 0, by: -1))
        for p in positions {
            guard let s = list.summary(at: p), s.unreadCount > 0 else { continue }
            list.select(p)
            openThread(id: s.id, selectPost: nil)
            if open != nil && focus == .list { focus = .tree }
            say("\(s.unreadCount) unread in \(Subject.forList(s.title, forum: s.forum))")
            return
        }
        say(forward ? "no more unread threads below" : "no unread threads above")
    }

    /// `c`: marks every post of a thread read: the open one, or the list's selection.
    func catchUpThread() {
        if let o = open, focus != .list || threadList.position(ofThread: o.thread.id) == threadList.selection {
            let unread = o.thread.posts.filter { !$0.placeholder && !o.read.contains($0.id) }.map(\.id)
            o.keptUnread = nil
            for id in unread { markRead(thread: o.thread.id, post: id) }
            say(unread.isEmpty ? "nothing unread in this thread" : "marked \(unread.count) post\(unread.count == 1 ? "" : "s") read")
            return
        }
        guard let s = selectedSummary else { return }
        let marked = setThreadRead(id: s.id, read: true)
        say(marked == 0 ? "nothing unread in this thread" : "marked \(marked) post\(marked == 1 ? "" : "s") read")
    }

    /// `C`: asks, then marks every listed thread read (all of them, or those the filter lists).
    func startCatchUpAll() {
        let n = threadList.rows.unreadThreads
        guard n > 0 else {
            say("nothing unread here")
            return
        }
        let which = filter.hasAuthorTerms || filter.unreadOnly ? "listed " : ""
        prompt = Prompt(kind: .confirmCatchUp, label: "Mark all \(n) \(which)thread\(n == 1 ? "" : "s") with unread posts read? (y/n) ", text: "")
    }

    /// Marks every listed thread read (of one forum, when named); the answer to ``startCatchUpAll()``.
    func catchUpAll(forum: String? = nil) {
        var threads = 0
        var posts = 0
        for p in 0..<threadList.count {
            guard let s = threadList.summary(at: p), s.unreadCount > 0 else { continue }
            if let forum, s.forum?.caseInsensitiveCompare(forum) != .orderedSame { continue }
            posts += setThreadRead(id: s.id, read: true)
            threads += 1
        }
        rebuildList(keeping: selectedSummary?.id)
        say(threads == 0 && forum != nil ? "no unread thread in the forum \(forum!)"
            : "marked \(posts) post\(posts == 1 ? "" : "s") in \(threads) thread\(threads == 1 ? "" : "s") read")
    }

    /// `r` in the list: a thread with unread posts becomes read; a read one, unread again.
    func toggleThreadRead() {
        guard let s = selectedSummary else { return }
        if s.unreadCount > 0 {
            let n = setThreadRead(id: s.id, read: true)
            say("marked \(n) post\(n == 1 ? "" : "s") read")
        } else {
            let n = setThreadRead(id: s.id, read: false)
            say("marked \(n) post\(n == 1 ? "" : "s") unread")
        }
    }

    /// Marks every post of a thread read (or unread) without opening it; returns how many changed.
    @discardableResult
    func setThreadRead(id: String, read: Bool) -> Int {
        guard let thread = try? source.loadThread(id: id) else {
            say("the thread \(id) cannot be read", error: true)
            return 0
        }
        let current = marks.readPosts(thread: id)
        let changed = thread.posts.filter { !$0.placeholder && current.contains($0.id) != read }
        for post in changed { setMark(thread: id, post: post.id, read: read) }
        return changed.count
    }
}
