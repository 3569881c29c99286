import Foundation
import WeftCodec
import WeftModel

extension IndexedStore {
    /// Brings the index up to date with the thread files and read files.
    ///
    /// `progress` is called with (files done, files to read) while changed files are read.
    @discardableResult
    public func sync(progress: ((Int, Int) -> Void)? = nil) throws -> StoreIndex.SyncResult {
        var result = StoreIndex.SyncResult()
        let changedReads = try syncReadFiles(&result)
        let names = FileState.jsonNames(in: store.threadsDir.path)
        let known = try index.recordedStates(in: "files")
        var changed: [(String, FileState)] = []
        for name in names {
            let state = FileState.of(store.threadsDir.path + "/" + name) ?? FileState(size: 0, mtime: 0)
            if known[name] != state { changed.append((name, state)) }
        }
        let gone = Set(known.keys).subtracting(names)
        if !gone.isEmpty {
            try index.db.transaction {
                for name in gone { try index.forget(file: name) }
            }
            result.removed = gone.count
        }
        var done = 0
        while done < changed.count {
            let batch = changed[done..<min(changed.count, done + StoreIndex.syncBatch)]
            try index.db.transaction {
                for (name, state) in batch {
                    if let problem = try reindex(file: name, state: state) {
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
            try index.db.transaction {
                for name in recount { try recountRead(file: name) }
            }
        }
        return result
    }

    /// Syncs only when a file was added, replaced or removed since the last sync (the directories' times tell).
    ///
    /// For commands that must answer at once (`weft search`): a full ``sync(progress:)`` looks at every
    /// file; this looks at two directories. A file changed in place is caught by ``verify(threads:)``
    /// for the threads a command is about to show, and by the browser's check.
    @discardableResult
    public func syncIfDirectoriesChanged(progress: ((Int, Int) -> Void)? = nil) throws -> StoreIndex.SyncResult {
        guard try !directoriesUnchanged() || index.isEmpty else { return StoreIndex.SyncResult() }
        return try syncRecordingStamp(progress: progress)
    }

    /// What a command does before it answers from the index: with `check`, a full sync that looks at
    /// every file (``syncRecordingStamp(progress:)``); without, one only when the directories changed.
    @discardableResult
    public func sync(check: Bool, progress: ((Int, Int) -> Void)? = nil) throws -> StoreIndex.SyncResult {
        check ? try syncRecordingStamp(progress: progress) : try syncIfDirectoriesChanged(progress: progress)
    }

    /// Whether the directories are as they were when the index was last brought up to date with them.
    public func directoriesUnchanged() throws -> Bool {
        try index.recordedStamp() == directoryStamp()
    }

    /// Records the directories' times now: the index holds everything they hold (after a writer's own batch).
    func recordDirectoryStamp() throws {
        try index.record(stamp: directoryStamp())
    }

    /// A full ``sync(progress:)`` that also records the directories' times, so that the next
    /// ``syncIfDirectoriesChanged(progress:)`` trusts the index until they change.
    @discardableResult
    public func syncRecordingStamp(progress: ((Int, Int) -> Void)? = nil) throws -> StoreIndex.SyncResult {
        // Taken before the files are looked at: a change made during the sync shows as a new stamp next time.
        let stamp = directoryStamp()
        let result = try sync(progress: progress)
        try index.record(stamp: stamp)
        return result
    }

    /// The modification times of the threads and read directories, as one string.
    func directoryStamp() -> String {
        store.changeToken() + "|" + (FileState.of(store.readDir.path).map { "\($0.mtime)" } ?? "-")
    }

    /// Re-reads the files of some threads if they changed since they were indexed; true when any did.
    public func verify(threads ids: [String]) throws -> Bool {
        // Each changed file with its state now, nil when it is gone.
        var changed: [(String, FileState?)] = []
        for id in Set(ids) {
            let name = store.threadFile(for: id).lastPathComponent
            let stmt = try index.db.cached("SELECT size, mtime FROM files WHERE name = ?1").bind([name])
            let known = try stmt.next() ? FileState(size: stmt.int(0), mtime: stmt.double(1) ?? 0) : nil
            _ = try? stmt.next()
            let now = FileState.of(store.threadsDir.path + "/" + name)
            if now != known { changed.append((name, now)) }
        }
        guard !changed.isEmpty else { return false }
        try index.db.transaction {
            for (name, state) in changed {
                if let state { _ = try reindex(file: name, state: state) } else { try index.forget(file: name) }
            }
        }
        return true
    }

    /// Reads one thread file and records it, or records why it cannot be read (returned). Call inside a transaction.
    private func reindex(file name: String, state: FileState) throws -> StoreProblem? {
        let url = store.threadsDir.appendingPathComponent(name)
        do {
            let thread = try store.loadThreadFile(url)
            var authors = StoreIndex.AuthorCounts()
            try index.record(StoreIndex.Entry(thread), file: name, state: state, read: store.readPosts(thread: thread.id), authors: &authors)
            try index.add(authors)
            return nil
        } catch {
            try index.recordProblem(file: name, state: state, reason: FileStore.reason(error))
            return StoreProblem(path: url.path, reason: FileStore.reason(error))
        }
    }

    /// Records the state of every read file; returns the names whose state changed.
    private func syncReadFiles(_ result: inout StoreIndex.SyncResult) throws -> Set<String> {
        let names = FileState.jsonNames(in: store.readDir.path)
        let known = try index.recordedStates(in: "reads")
        var changed: Set<String> = []
        var updates: [(String, FileState?)] = []
        for name in names {
            let state = FileState.of(store.readDir.path + "/" + name)
            if known[name] != state { changed.insert(name); updates.append((name, state)) }
        }
        for name in Set(known.keys).subtracting(names) { changed.insert(name); updates.append((name, nil)) }
        guard !updates.isEmpty else { return [] }
        try index.db.transaction {
            for (name, state) in updates {
                if let state {
                    try index.db.cached("INSERT OR REPLACE INTO reads(name, size, mtime) VALUES (?1, ?2, ?3)")
                        .bind([name, state.size, state.mtime]).run()
                } else {
                    try index.db.cached("DELETE FROM reads WHERE name = ?1").bind([name]).run()
                }
            }
        }
        result.readFilesChanged = updates.count
        return changed
    }

    /// Sets a thread's read count from its read file.
    private func recountRead(file name: String) throws {
        let find = try index.db.cached("SELECT threads.row, threads.id FROM files JOIN threads ON threads.row = files.thread WHERE files.name = ?1")
            .bind([name])
        guard try find.next() else { return }
        let row = find.int64(0)
        let id = find.string(1) ?? ""
        _ = try? find.next()
        try index.setRead(row: row, read: store.readPosts(thread: id))
    }
}
