import Foundation
import WeftModel

extension App {
    /// The post the post pane shows now (not a stand-in), or nil.
    var displayedPost: (thread: String, post: String)? {
        guard let o = open, layout.post != nil, let post = o.selectedPost, !o.thread.posts[post].placeholder else { return nil }
        return (o.thread.id, o.thread.posts[post].id)
    }

    /// Follows what the post pane shows: a post counts as read once shown for ``readDelay`` seconds.
    ///
    /// Passing over a post with the cursor does not read it, as in mail readers with a preview pane.
    /// Called after every action; ``idle(now:)`` marks the post when the time has passed without a key.
    func noteDisplayedPost(now: Date) {
        let current = displayedPost
        if let shown = marks.shown, current.map({ $0 != (shown.thread, shown.post) }) ?? true {
            // Moving on: the post left behind was read if it was shown long enough.
            if now.timeIntervalSince(shown.since) >= marks.delay { markRead(thread: shown.thread, post: shown.post) }
            marks.shown = nil
        }
        guard let current else { return }
        if marks.shown == nil { marks.shown = (current.thread, current.post, now) }
        if marks.delay <= 0 { markShownPostRead(now: now) }
    }

    /// Marks the shown post read when it has been shown long enough; true when a mark changed.
    @discardableResult
    func markShownPostRead(now: Date) -> Bool {
        guard let shown = marks.shown, now.timeIntervalSince(shown.since) >= marks.delay else { return false }
        return markRead(thread: shown.thread, post: shown.post)
    }

    /// Marks a post of the open thread read (not one kept unread by `r`); true when it was unread.
    @discardableResult
    func markRead(thread: String, post id: String) -> Bool {
        guard let o = open, o.thread.id == thread, !o.read.contains(id) else { return false }
        if let kept = o.keptUnread, o.thread.posts[kept].id == id { return false }
        guard let i = o.thread.index(ofPost: id), !o.thread.posts[i].placeholder else { return false }
        setMark(thread: thread, post: id, read: true)
        return true
    }

    /// Sets one mark, and follows it in the list's counts.
    func setMark(thread: String, post id: String, read: Bool) {
        let delta = marks.set(thread: thread, post: id, read: read)
        if delta != 0 { threadList.adjustUnread(thread: thread, by: delta) }
    }

    /// `r`: toggles the read mark of the current post.
    func toggleRead() {
        guard let o = open, let post = o.selectedPost else { return }
        let id = o.thread.posts[post].id
        let read = !o.read.contains(id)
        o.keptUnread = read ? nil : post
        setMark(thread: o.thread.id, post: id, read: read)
        say(read ? "marked read" : "marked unread")
    }

    /// Writes read marks not yet saved. A store that cannot be written is said once.
    public func flushReadState() {
        if let failure = marks.save() { say(failure, error: true) }
    }
}
