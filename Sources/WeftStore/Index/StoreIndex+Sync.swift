import Foundation
import WeftModel
import WeftCodec

extension StoreIndex {
    /// What a sync did.
    public struct SyncResult: Equatable, Sendable {
        public var reindexed = 0
        public var removed = 0
        public var readFilesChanged = 0
        /// Files that could not be read, found by this sync.
        public var problems: [StoreProblem] = []
    }

    /// How many thread files a sync handles per transaction, so a reader sees progress and a kill loses little.
    static let syncBatch = 2_000

    /// The size and modification time recorded for each file a table (`files` or `reads`) names.
    func recordedStates(in table: String) throws -> [String: FileState] {
        var known: [String: FileState] = [:]
        let rows = try db.prepare("SELECT name, size, mtime FROM \(table)")
        while try rows.next() { known[rows.string(0) ?? ""] = FileState(size: rows.int(1), mtime: rows.double(2) ?? 0) }
        return known
    }

    func record(stamp: String) throws {
        try db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('directories', ?1)").bind([stamp]).run()
    }

    /// The directories' times recorded when the index was last brought up to date with them.
    func recordedStamp() throws -> String? {
        let stmt = try db.cached("SELECT value FROM meta WHERE key = 'directories'")
        let recorded = try stmt.next() ? stmt.string(0) : nil
        _ = try? stmt.next()
        return recorded
    }

    /// Sets a thread's read count: how many of its posts are in `read`.
    func setRead(row: Int64, read: Set<String>) throws {
        var count = 0
        if !read.isEmpty {
            let posts = try db.cached("SELECT post FROM posts WHERE thread = ?1").bind([row])
            while try posts.next() { if let id = posts.string(0), read.contains(id) { count += 1 } }
        }
        try db.cached("UPDATE threads SET read = ?2 WHERE row = ?1").bind([row, count]).run()
    }

    /// Records a thread's new read marks (the browser calls this after saving them to the read file).
    public func updateRead(thread id: String, read: Set<String>) throws {
        guard let row = try key(ofThread: id) else { return }
        try db.transaction { try setRead(row: row, read: read) }
    }
}
