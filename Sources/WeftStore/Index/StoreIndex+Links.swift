import Foundation
import WeftModel

extension StoreIndex {
    /// The ids of stored threads that hold or name any of `ids`.
    ///
    /// A thread matches by its own id, by a post's id, or by an id it names but does not hold (a
    /// placeholder, or the missing parent of one of its roots). Mail imported after other mail asks
    /// this to find the threads its messages belong with, so that an archive imported in parts threads
    /// as the whole would.
    public func threads(naming ids: some Sequence<String>) throws -> Set<String> {
        // Looking posts up by id is needed only once mail meets a store that has some: the index is
        // made then, not paid for by every import of a fresh store.
        try? db.exec("CREATE INDEX IF NOT EXISTS posts_post ON posts(post)")
        let byThread = try db.cached("SELECT id FROM threads WHERE id = ?1")
        let byPost = try db.cached("SELECT threads.id FROM posts JOIN threads ON threads.row = posts.thread WHERE posts.post = ?1")
        let byMissing = try db.cached("SELECT threads.id FROM missing JOIN threads ON threads.row = missing.thread WHERE missing.post = ?1")
        var out: Set<String> = []
        for id in ids {
            for stmt in [byThread, byPost, byMissing] {
                stmt.bind([id])
                while try stmt.next() { if let thread = stmt.string(0) { out.insert(thread) } }
            }
        }
        return out
    }

    /// Every thread's id and title, in no particular order (for grouping mail by subject).
    public func threadTitles() throws -> [(id: String, title: String)] {
        let stmt = try db.cached("SELECT id, title FROM threads")
        var out: [(id: String, title: String)] = []
        while try stmt.next() { out.append((stmt.string(0) ?? "", stmt.string(1) ?? "")) }
        return out
    }
}
