import WeftModel

extension App {
    /// A post shown in the post pane counts as read.
    func markDisplayedPostRead() {
        guard let o = open, layout.post != nil, let post = o.selectedPost, o.keptUnread != post else { return }
        let id = o.thread.posts[post].id
        guard !o.thread.posts[post].placeholder, !o.read.contains(id) else { return }
        o.read.insert(id)
        pendingRead[o.thread.id, default: []].insert(id)
        pendingUnread[o.thread.id]?.remove(id)
        adjustUnread(thread: o.thread.id, by: -1)
    }

    /// `r`: toggles the read mark of the current post.
    func toggleRead() {
        guard let o = open, let post = o.selectedPost else { return }
        let id = o.thread.posts[post].id
        if o.read.contains(id) {
            o.read.remove(id)
            o.keptUnread = post
            pendingUnread[o.thread.id, default: []].insert(id)
            pendingRead[o.thread.id]?.remove(id)
            adjustUnread(thread: o.thread.id, by: 1)
            say("marked unread")
        } else {
            o.read.insert(id)
            o.keptUnread = nil
            pendingRead[o.thread.id, default: []].insert(id)
            pendingUnread[o.thread.id]?.remove(id)
            adjustUnread(thread: o.thread.id, by: -1)
            say("marked read")
        }
    }

    /// Writes read marks not yet saved. A store that cannot be written is said once.
    public func flushReadState() {
        let threads = Set(pendingRead.keys).union(pendingUnread.keys)
        for id in threads {
            let read = pendingRead[id] ?? []
            let unread = pendingUnread[id] ?? []
            if read.isEmpty && unread.isEmpty { continue }
            do {
                try source.saveReadState(thread: id, read: read, unread: unread)
                pendingRead[id] = nil
                pendingUnread[id] = nil
            } catch {
                if !readStateWarned {
                    readStateWarned = true
                    say("read state cannot be saved: \(error)", error: true)
                }
            }
        }
    }
}
