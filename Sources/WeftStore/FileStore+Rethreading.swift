import Foundation
import WeftModel

/// Stored threads that an import threaded again, and what becomes of them.
///
/// Mail imported in parts is threaded again with the stored threads it touches (see
/// ``ImportPipeline/merge(_:rethreaded:progress:)``): the new threads replace those stored ones,
/// and a stored thread whose posts all went into others is retired. Worked out under the store's
/// lock, against the files as they are then, so a post another writer added in the meantime is kept.
struct Rethreading {
    /// The threads to write, with any stored post they lacked added back.
    var threads: [ForumThread]
    /// Ids of stored threads whose posts all live in other threads now: their files go.
    var retired: [String] = []
    /// Real posts the replaced and retired threads held: moved, not added.
    var held: Set<String> = []
    /// Read marks to add, by thread id: a read post stays read in the thread it moved to.
    var reads: [String: Set<String>] = [:]
    /// Stored threads replaced as a whole rather than merged into, by id, as they were stored: read
    /// once here (nothing changes them under the lock).
    var stored: [String: ForumThread] = [:]

    /// Settles `threads` against the stored threads named in `ids`.
    init(_ threads: [ForumThread], ids: Set<String>, store: FileStore) throws {
        self.threads = threads
        var holder: [String: Int] = [:]
        var position: [String: Int] = [:]
        for (i, t) in threads.enumerated() {
            position[t.id] = i
            for p in t.posts where !p.placeholder { holder[p.id] = i }
        }
        for id in ids.sorted() {
            let url = store.threadFile(for: id)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let stored = try store.loadThreadFile(url)
            let real = stored.posts.filter { !$0.placeholder }
            held.formUnion(real.map(\.id))
            let lost = real.filter { holder[$0.id] == nil }
            if !lost.isEmpty {
                // Written by another import since this one read the thread: kept, in the thread of that id.
                guard let at = position[id] else { continue }
                self.threads[at].append(ForumThread(id: id, title: stored.title, posts: lost))
                for p in lost { holder[p.id] = at }
            }
            if position[id] != nil {
                self.stored[id] = stored
            } else {
                retired.append(id)
            }
            for post in store.readPosts(thread: id) {
                guard let at = holder[post] else { continue }
                let target = self.threads[at].id
                if target != id || position[id] == nil { reads[target, default: []].insert(post) }
            }
        }
    }

    /// Adds the moved read marks to the read files of the threads that now hold those posts.
    func writeReads(_ store: FileStore) throws {
        for (id, posts) in reads.sorted(by: { $0.key < $1.key }) {
            try store.updateReadState(thread: id, read: posts, unread: [])
        }
    }

    /// Deletes the retired threads' files and read marks; returns the thread files' names. Call under the lock.
    func removeRetired(_ store: FileStore) -> [String] {
        retired.map { id in
            let file = store.threadFile(for: id)
            unlink(file.path)
            unlink(store.readFile(for: id).path)
            return file.lastPathComponent
        }
    }
}
