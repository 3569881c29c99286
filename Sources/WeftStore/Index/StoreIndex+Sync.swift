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

    /// Brings the index up to date with the thread files and read files.
    ///
    /// `progress` is called with (files done, files to read) while changed files are read.
    @discardableResult
    public func sync(_ store: FileStore, progress: ((Int, Int) -> Void)? = nil) throws -> SyncResult {
        var result = SyncResult()
        let changedReads = try syncReadFiles(store, &result)
        let names = FileState.jsonNames(in: store.threadsDir.path)
        let known = try recordedStates(in: "files")
        var changed: [(String, FileState)] = []
        for name in names {
            let state = FileState.of(store.threadsDir.path + "/" + name) ?? FileState(size: 0, mtime: 0)
            if known[name] != state { changed.append((name, state)) }
        }
        let gone = Set(known.keys).subtracting(names)
        if !gone.isEmpty {
            try db.transaction {
                for name in gone { try forget(file: name) }
            }
            result.removed = gone.count
        }
        var done = 0
        while done < changed.count {
            let batch = changed[done..<min(changed.count, done + StoreIndex.syncBatch)]
            try db.transaction {
                for (name, state) in batch {
                    if let problem = try reindex(file: name, state: state, store: store) {
                        result.problems.append(problem)
                    } else {
                        result.reindexed += 1
                    }
                }
            }
            done += batch.count
            progress?(done, changed.count)
        }
        // Read files that changed for threads not reindexed above: recount their read posts.
        let reindexed = Set(changed.map(\.0))
        let recount = changedReads.subtracting(reindexed)
        if !recount.isEmpty {
            try db.transaction {
                for name in recount { try recountRead(file: name, store: store) }
            }
        }
        return result
    }

    /// Syncs only when a file was added, replaced or removed since the last sync (the directories' times tell).
    ///
    /// For commands that must answer at once (`weft search`): a full ``sync(_:progress:)`` looks at every
    /// file; this looks at two directories. A file changed in place is caught by ``verify(threads:in:)``
    /// for the threads a command is about to show, and by the browser's check.
    @discardableResult
    public func syncIfDirectoriesChanged(_ store: FileStore, progress: ((Int, Int) -> Void)? = nil) throws -> SyncResult {
        guard try !directoriesUnchanged(store) || isEmpty else { return SyncResult() }
        return try syncRecordingStamp(store, progress: progress)
    }

    /// Whether the directories are as they were when the index was last brought up to date with them.
    public func directoriesUnchanged(_ store: FileStore) throws -> Bool {
        let stmt = try db.cached("SELECT value FROM meta WHERE key = 'directories'")
        let recorded = try stmt.next() ? stmt.string(0) : nil
        _ = try? stmt.next()
        return recorded == StoreIndex.directoryStamp(store)
    }

    /// Records the directories' times now: the index holds everything they hold (after a writer's own batch).
    func recordDirectoryStamp(_ store: FileStore) throws {
        try record(stamp: StoreIndex.directoryStamp(store))
    }

    private func record(stamp: String) throws {
        try db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('directories', ?1)").bind([stamp]).run()
    }

    /// A full ``sync(_:progress:)`` that also records the directories' times, so that the next
    /// ``syncIfDirectoriesChanged(_:progress:)`` trusts the index until they change.
    @discardableResult
    public func syncRecordingStamp(_ store: FileStore, progress: ((Int, Int) -> Void)? = nil) throws -> SyncResult {
        // Taken before the files are looked at: a change made during the sync shows as a new stamp next time.
        let stamp = StoreIndex.directoryStamp(store)
        let result = try sync(store, progress: progress)
        try record(stamp: stamp)
        return result
    }

    /// The modification times of the threads and read directories, as one string.
    static func directoryStamp(_ store: FileStore) -> String {
        store.changeToken() + "|" + (FileState.of(store.readDir.path).map { "\($0.mtime)" } ?? "-")
    }

    /// Re-reads the files of some threads if they changed since they were indexed; true when any did.
    public func verify(threads ids: [String], in store: FileStore) throws -> Bool {
        // Each changed file with its state now, nil when it is gone.
        var changed: [(String, FileState?)] = []
        for id in Set(ids) {
            let name = store.threadFile(for: id).lastPathComponent
            let stmt = try db.cached("SELECT size, mtime FROM files WHERE name = ?1").bind([name])
            let known = try stmt.next() ? FileState(size: stmt.int(0), mtime: stmt.double(1) ?? 0) : nil
            _ = try? stmt.next()
            let now = FileState.of(store.threadsDir.path + "/" + name)
            if now != known { changed.append((name, now)) }
        }
        guard !changed.isEmpty else { return false }
        try db.transaction {
            for (name, state) in changed {
                if let state { _ = try reindex(file: name, state: state, store: store) } else { try forget(file: name) }
            }
        }
        return true
    }

    /// Reads one thread file and records it, or records why it cannot be read (returned). Call inside a transaction.
    private func reindex(file name: String, state: FileState, store: FileStore) throws -> StoreProblem? {
        let url = store.threadsDir.appendingPathComponent(name)
        do {
            let thread = try store.loadThreadFile(url)
            var authors = AuthorCounts()
            try record(Entry(thread), file: name, state: state, read: store.readPosts(thread: thread.id), authors: &authors)
            try add(authors)
            return nil
        } catch {
            try recordProblem(file: name, state: state, reason: FileStore.reason(error))
            return StoreProblem(path: url.path, reason: FileStore.reason(error))
        }
    }

    /// The size and modification time recorded for each file a table (`files` or `reads`) names.
    private func recordedStates(in table: String) throws -> [String: FileState] {
        var known: [String: FileState] = [:]
        let rows = try db.prepare("SELECT name, size, mtime FROM \(table)")
        while try rows.next() { known[rows.string(0) ?? ""] = FileState(size: rows.int(1), mtime: rows.double(2) ?? 0) }
        return known
    }

    /// Records the state of every read file; returns the names whose state changed.
    private func syncReadFiles(_ store: FileStore, _ result: inout SyncResult) throws -> Set<String> {
        let names = FileState.jsonNames(in: store.readDir.path)
        let known = try recordedStates(in: "reads")
        var changed: Set<String> = []
        var updates: [(String, FileState?)] = []
        for name in names {
            let state = FileState.of(store.readDir.path + "/" + name)
            if known[name] != state { changed.insert(name); updates.append((name, state)) }
        }
        for name in Set(known.keys).subtracting(names) { changed.insert(name); updates.append((name, nil)) }
        guard !updates.isEmpty else { return [] }
        try db.transaction {
            for (name, state) in updates {
                if let state {
                    try db.cached("INSERT OR REPLACE INTO reads(name, size, mtime) VALUES (?1, ?2, ?3)")
                        .bind([name, state.size, state.mtime]).run()
                } else {
                    try db.cached("DELETE FROM reads WHERE name = ?1").bind([name]).run()
                }
            }
        }
        result.readFilesChanged = updates.count
        return changed
    }

    /// Sets a thread's read count from its read file.
    private func recountRead(file name: String, store: FileStore) throws {
        let find = try db.cached("SELECT threads.row, threads.id FROM files JOIN threads ON threads.row = files.thread WHERE files.name = ?1")
            .bind([name])
        guard try find.next() else { return }
        let row = find.int64(0)
        let id = find.string(1) ?? ""
        _ = try? find.next()
        try setRead(row: row, read: store.readPosts(thread: id))
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
