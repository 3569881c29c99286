import Foundation
import WeftModel

/// The browser's read marks: the one place that knows which posts are read, what this
/// session changed, and what is still to be saved.
///
/// Every read set the browser shows (the open thread's dots, its unread count, the
/// list's counts for threads marked in this session) is asked of this type, so a mark
/// set by `r`, by reading, by `c` or by `C` is seen everywhere at once. Saving is
/// ``save()``; the source's own counts include a mark only once it is saved, and
/// ``unreadDelta(thread:)`` says how far they are behind until then.
final class ReadMarks {
    private let source: ThreadSource
    /// Read posts by thread, as saved plus this session's marks, for the threads touched.
    private var sets: [String: Set<String>] = [:]
    /// What the source held for those threads when first asked (its counts are of these).
    private var saved: [String: Set<String>] = [:]
    /// Marks that differ from ``saved``, by thread and post: true for read.
    private(set) var pending: [String: [String: Bool]] = [:]
    /// Whether a failure to save has been said (it is said once).
    private var warned = false
    /// The thread kept in memory after saving (the open one).
    var pinned: String?
    /// Bumped by every change, so counts derived from the marks know when to recount.
    private(set) var version = 0
    /// The post the post pane shows, and since when: it counts as read once shown for ``delay`` seconds.
    var shown: (thread: String, post: String, since: Date)?
    /// How long a post must be shown to count as read; 0 marks it at once.
    var delay: TimeInterval = 1

    init(source: ThreadSource) {
        self.source = source
    }

    /// The read posts of a thread: what is saved, with this session's marks on top.
    func readPosts(thread id: String) -> Set<String> {
        if let set = sets[id] { return set }
        let stored = source.readPosts(thread: id)
        saved[id] = stored
        sets[id] = stored
        return stored
    }

    /// Whether a post is read.
    func isRead(thread id: String, post: String) -> Bool {
        readPosts(thread: id).contains(post)
    }

    /// Marks a post read or unread; returns the change in the thread's unread count (-1, 0 or 1).
    @discardableResult
    func set(thread id: String, post: String, read: Bool) -> Int {
        var set = readPosts(thread: id)
        guard set.contains(post) != read else { return 0 }
        if read { set.insert(post) } else { set.remove(post) }
        sets[id] = set
        // A mark put back to what is saved has nothing left to save.
        if saved[id]?.contains(post) == read {
            pending[id]?[post] = nil
            if pending[id]?.isEmpty == true { pending[id] = nil }
        } else {
            pending[id, default: [:]][post] = read
        }
        version += 1
        return read ? -1 : 1
    }

    /// How many more posts of a thread are unread than the source's saved counts say.
    func unreadDelta(thread id: String) -> Int {
        pending[id]?.values.reduce(0) { $0 + ($1 ? -1 : 1) } ?? 0
    }

    /// Whether every mark has been saved.
    var isSaved: Bool { pending.isEmpty }

    /// Saves every pending mark. Returns what to say when saving fails, the first time only;
    /// marks that could not be saved stay pending and are tried again next time.
    @discardableResult
    func save() -> String? {
        var failure: String?
        for (id, marks) in pending {
            let read = Set(marks.filter(\.value).keys)
            let unread = Set(marks.filter { !$0.value }.keys)
            do {
                try source.saveReadState(thread: id, read: read, unread: unread)
                pending[id] = nil
                saved[id] = sets[id]
            } catch {
                if !warned {
                    warned = true
                    failure = "read state cannot be saved: \(error)"
                }
            }
        }
        // Saved threads other than the open one are read from the source again when next asked.
        for id in sets.keys where pending[id] == nil && id != pinned {
            sets[id] = nil
            saved[id] = nil
        }
        return failure
    }

    /// Checks that the sets, what is saved and what is pending agree; for tests.
    func checkInvariants() {
        for (id, marks) in pending {
            precondition(!marks.isEmpty, "an empty pending entry for \(id)")
            for (post, read) in marks {
                precondition(sets[id]?.contains(post) == read, "pending \(post) disagrees with the read set")
                precondition(saved[id]?.contains(post) != read, "pending \(post) equals what is saved")
            }
        }
        precondition(Set(sets.keys) == Set(saved.keys), "read sets without their saved state")
    }
}
