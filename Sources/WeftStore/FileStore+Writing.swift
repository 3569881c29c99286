import Foundation
import WeftCodec
import WeftModel

/// What a write added to the store.
public struct MergeResult: Equatable, Sendable {
    /// Threads that were new to the store.
    public var threadsAdded = 0
    /// Threads that were there and gained posts.
    public var threadsUpdated = 0
    /// Posts that were new.
    public var postsAdded = 0
    /// Authors that appear in the added posts.
    public var authors: Set<String> = []
    /// Stored threads whose posts all joined other threads (mail imported in parts, threaded again).
    public var threadsJoined = 0

    /// Creates an empty result.
    public init() {}
}

extension FileStore {
    /// How many threads a merge writes per batch: one sync of the file system per batch, not one per file.
    static let mergeBatch = 1_000
    /// How many batches the index records per transaction.
    static let batchesPerCommit = 5

    /// Adds threads to the store, merging posts into threads it already has, and records them in `index`.
    ///
    /// Posts whose ids the stored thread already has are skipped, so writing
    /// the same data twice adds nothing. Runs under the store lock. Threads
    /// are written in batches (see ``AtomicFile/writeBatch(_:)``), encoded on
    /// every core; `progress` gets (threads done, threads in all).
    ///
    /// `rethreaded` names stored threads whose posts `incoming` already holds, threaded again (mail
    /// imported in parts): an incoming thread of such an id replaces the stored one instead of merging
    /// into it, and one of them left with no incoming thread of its id is removed once its posts are
    /// written elsewhere. Its read marks move with its posts; a post no incoming thread holds is kept.
    @discardableResult
    public func merge(_ incoming: [ForumThread], index: StoreIndex? = nil, rethreaded: Set<String> = [],
                      progress: ((Int, Int) -> Void)? = nil) throws -> MergeResult {
        // Pieces of one thread in one call (a topic's post objects, a thread's pages, from many files)
        // are merged first: each is read against the stored file, and one piece must not overwrite another.
        var threads = FileStore.coalesced(incoming)
        return try StoreLock.withLock(root: root) {
            // An index that was up to date with the directories stays trusted after this write, which it records.
            let trusted = (try? index?.directoriesUnchanged(self)) == true
            removeStaleTemporaryFiles()
            var settled: Rethreading?
            if !rethreaded.isEmpty {
                let s = try Rethreading(threads, ids: rethreaded, store: self)
                threads = s.threads
                try s.writeReads(self)
                settled = s
            }
            // Which threads have read marks, listed once: most have none, and a look-up per thread costs a failed open.
            let readNames = Set((try? fm.contentsOfDirectory(atPath: readDir.path)) ?? [])
            var result = MergeResult()
            // Four stages: this thread merges and encodes a batch while the writer writes the one
            // before, the index records the one before that, and the index's words (their own
            // database file, on their own connection) are added for the one before that. Each
            // connection is only ever used by its stage, in order.
            let writer = PipelineStage(name: "weft.merge.write")
            let recorder = index.map { _ in PipelineStage(name: "weft.merge.index") }
            let owned = index.map(StageOwned.init)
            let words = try index?.beginBulk().map(StageOwned.init)
            let texter = words.map { _ in PipelineStage(name: "weft.merge.text") }
            defer {
                writer.wait()
                recorder?.wait()
                texter?.wait()
                // Batches recorded before a failure are kept (those files were written); a rolled-back
                // transaction leaves its files to the next sync, and words left incomplete are rebuilt.
                try? index?.endBulk(words?.value, succeeded: recorder?.failed != true && texter?.failed != true)
            }
            var start = 0
            while start < threads.count {
                let chunk = threads[start..<min(threads.count, start + FileStore.mergeBatch)]
                let commit = chunk.endIndex == threads.count || (start / FileStore.mergeBatch) % FileStore.batchesPerCommit == FileStore.batchesPerCommit - 1
                var merged: [ForumThread] = []
                for incoming in chunk {
                    if let thread = try mergedThread(incoming, replacing: settled, into: &result) { merged.append(thread) }
                }
                // Encoding and working out what the index records are done together, on every core.
                let withIndex = index != nil
                let prepared = merged.parallelMap { t in
                    (Result { try FileStore.encode(t) }, withIndex ? StoreIndex.Entry(t) : nil)
                }
                let encoded = try prepared.map { try $0.0.get() }
                let entries = prepared.compactMap(\.1)
                try writer.submit { [self, merged] in
                    let urls = merged.map { threadFile(for: $0.id) }
                    let states = try AtomicFile.writeBatch(Array(zip(encoded, urls)))
                    guard let recorder, let owned else { return }
                    let written = entries.indices.map { i in
                        let id = entries[i].thread.id
                        return StoreIndex.WrittenThread(
                            entry: entries[i], file: urls[i].lastPathComponent, state: states[i],
                            read: readNames.contains(readFile(for: id).lastPathComponent) ? readPosts(thread: id) : [])
                    }
                    try recorder.submit {
                        let changes = try owned.value.record(written, commit: commit)
                        guard let texter, let words else { return }
                        try texter.submit { try words.value.apply(changes, commit: commit) }
                    }
                }
                start += chunk.count
                progress?(start, threads.count)
            }
            if let settled, !settled.retired.isEmpty {
                // After every new file is written: a retired thread's posts are never in no file.
                result.threadsJoined = settled.retired.count
                try writer.submit { [self] in
                    let files = settled.removeRetired(self)
                    guard let recorder, let owned else { return }
                    try recorder.submit {
                        let changes = try owned.value.record([], retired: files, commit: true)
                        guard let texter, let words else { return }
                        try texter.submit { try words.value.apply(changes, commit: true) }
                    }
                }
            }
            try writer.finish()
            try recorder?.finish()
            try texter?.finish()
            if trusted { try index?.recordDirectoryStamp(self) }
            return result
        }
    }

    /// Threads with the same id merged into the first of them, in first-seen order.
    static func coalesced(_ threads: [ForumThread]) -> [ForumThread] {
        var position: [String: Int] = [:]
        var out: [ForumThread] = []
        out.reserveCapacity(threads.count)
        for thread in threads {
            if let i = position[thread.id] {
                out[i].merge(thread)
            } else {
                position[thread.id] = out.count
                out.append(thread)
            }
        }
        return out
    }

    /// The thread as it should be stored after merging `incoming`, or nil when nothing changes.
    private func mergedThread(_ incoming: ForumThread, replacing settled: Rethreading?,
                              into result: inout MergeResult) throws -> ForumThread? {
        let url = threadFile(for: incoming.id)
        var thread: ForumThread
        let added: Int
        if let settled, let before = settled.stored[incoming.id] {
            thread = incoming
            let new = incoming.posts.filter { !$0.placeholder && !settled.held.contains($0.id) }
            added = new.count
            if thread == before { return nil }
            if added > 0 { result.threadsUpdated += 1 }
            for post in new { result.authors.insert(post.displayAuthor) }
        } else if fm.fileExists(atPath: url.path) {
            thread = try loadThreadFile(url)
            let known = Set(thread.posts.filter { !$0.placeholder }.map(\.id))
            let before = thread
            added = thread.merge(incoming)
            if thread == before { return nil }
            if added > 0 { result.threadsUpdated += 1 }
            for post in incoming.posts where !post.placeholder && !known.contains(post.id) {
                result.authors.insert(post.displayAuthor)
            }
        } else {
            thread = ForumThread(id: incoming.id, title: incoming.title, forum: incoming.forum)
            added = thread.merge(incoming)
            result.threadsAdded += 1
            // Posts moved out of retired threads were in the store already.
            let moved = settled.map { s in thread.posts.filter { !$0.placeholder && s.held.contains($0.id) }.count } ?? 0
            result.postsAdded -= moved
            for post in thread.posts where !post.placeholder && settled?.held.contains(post.id) != true {
                result.authors.insert(post.displayAuthor)
            }
        }
        result.postsAdded += added
        return thread
    }

    /// One thread file's bytes.
    static func encode(_ thread: ForumThread) throws -> Data {
        if let data = ThreadFileWriter.encode(thread) { return data }
        let encoder = JSONFormatting.encoder()
        return try encoder.encode(ThreadDocument(forum: thread.forum, threads: [thread])) + Data("\n".utf8)
    }

    /// Deletes temporary files a killed writer left behind. Only called under the
    /// lock, when no other writer can be half-way through one.
    func removeStaleTemporaryFiles() {
        for dir in [threadsDir, readDir] {
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasPrefix(".tmp-") {
                try? fm.removeItem(at: dir.appendingPathComponent(name))
            }
        }
    }

    /// Something that changes whenever a thread file is added, replaced or removed.
    ///
    /// The threads directory's modification time: every atomic write renames into it.
    public func changeToken() -> String {
        FileState.of(threadsDir.path).map { "\($0.mtime)" } ?? ""
    }
}
