import CSQLite
import Foundation
import WeftCodec
import WeftModel

/// Writes threads into a store and records them in its index: the stages of an import.
///
/// ``FileStore`` reads and writes files, ``StoreIndex`` records and answers; this type owns what
/// spans them: merging each incoming thread with the stored one and encoding it, writing the files
/// a batch at a time, recording the batch in the index, adding its words (four stages, each on a
/// thread of its own, see ``PipelineStage``), how often the index commits, and the index's bulk
/// mode for the words while an import runs. Without an index it only writes the files.
public struct ImportPipeline {
    /// How many threads a merge writes per batch: one sync of the file system per batch, not one per file.
    static let batch = 1_000
    /// How many bytes of post text a batch holds at most (a batch of one bigger thread is its own batch).
    static let batchBytes = 16 << 20
    /// How many threads of a ``ThreadStream`` are made at once (on every core).
    static let slice = 64
    /// How many batches the index records per transaction.
    static let batchesPerCommit = 5

    /// Where the threads go.
    public let store: FileStore
    /// The index that records them, if any (a demo store written before its first browse has none yet).
    public let index: StoreIndex?

    public init(store: FileStore, index: StoreIndex? = nil) {
        self.store = store
        self.index = index
    }

    /// Has the process's threads share two allocator arenas; call before an import starts its threads.
    ///
    /// glibc gives threads that allocate at once arenas of their own (up to 8 per core) and keeps
    /// what is freed in each. The stages pass batches of up to 16 MB from thread to thread, and freed
    /// memory scattered over many arenas was 45 to 90 MB of a 1M import's peak.
    public static func shareAllocatorArenas() {
        #if os(Linux)
        _ = weft_malloc_arena_max(2)
        #endif
    }

    /// Adds threads to the store, merging posts into threads it already has, and records them in the index.
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
    public func merge(_ incoming: [ForumThread], rethreaded: Set<String> = [],
                      progress: ((Int, Int) -> Void)? = nil) throws -> MergeResult {
        // Pieces of one thread in one call are merged first: each is read against the stored file, and
        // one piece must not overwrite another.
        try merge(ThreadStream(pieces: incoming), rethreaded: rethreaded, progress: progress)
    }

    /// Adds threads made as they are written (see ``ThreadStream``), as ``merge(_:rethreaded:progress:)``
    /// adds an array: only the threads of a batch are made at once, unless `rethreaded` is not empty
    /// (settling which stored threads the incoming ones replace needs them all).
    @discardableResult
    public func merge(_ incoming: ThreadStream, rethreaded: Set<String> = [],
                      progress: ((Int, Int) -> Void)? = nil) throws -> MergeResult {
        let store = self.store, index = self.index
        var source = incoming
        return try StoreLock.withLock(root: store.root) {
            // An index that was up to date with the directories stays trusted after this write, which it records.
            let trusted = (try? index.map { try IndexedStore(store, index: $0).directoriesUnchanged() }) == true
            store.removeStaleTemporaryFiles()
            var settled: Rethreading?
            if !rethreaded.isEmpty {
                let s = try Rethreading(source.all(), ids: rethreaded, store: store)
                source = ThreadStream(s.threads)
                try s.writeReads(store)
                settled = s
            }
            // Which threads have read marks, listed once: most have none, and a look-up per thread costs a failed open.
            let readNames = Set((try? store.fm.contentsOfDirectory(atPath: store.readDir.path)) ?? [])
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
            // Threads are made a slice at a time, ahead of the batch that takes them.
            var made: [ForumThread] = []
            var madeStart = 0
            func thread(_ k: Int) throws -> ForumThread {
                if k - madeStart >= made.count {
                    made = []
                    made = try source.threads(k..<min(source.count, k + ImportPipeline.slice))
                    madeStart = k
                }
                return made[k - madeStart]
            }
            var start = 0
            var batches = 0
            while start < source.count {
                // A batch ends at so many threads or so many bytes of text, whichever comes first: what
                // a batch holds in memory, several times over while the stages work, stays bounded.
                var merged: [ForumThread] = []
                var bytes = 0
                var end = start
                while end < source.count, end - start < ImportPipeline.batch, bytes < ImportPipeline.batchBytes {
                    let whole = try thread(end)
                    end += 1
                    guard let thread = try store.mergedThread(whole, replacing: settled, into: &result) else { continue }
                    bytes += thread.posts.reduce(0) { $0 + $1.body.utf8.count }
                    merged.append(thread)
                }
                let commit = end == source.count || batches % ImportPipeline.batchesPerCommit == ImportPipeline.batchesPerCommit - 1
                batches += 1
                // Encoding and working out what the index records are done together, on every core.
                let withIndex = index != nil
                let prepared = merged.parallelMap { t in
                    (Result { try FileStore.encode(t) }, withIndex ? StoreIndex.Entry(t) : nil)
                }
                let encoded = try prepared.map { try $0.0.get() }
                let entries = prepared.compactMap(\.1)
                let ids = merged.map(\.id)
                try writer.submit {
                    let urls = ids.map { store.threadFile(for: $0) }
                    let states = try AtomicFile.writeBatch(Array(zip(encoded, urls)))
                    guard let recorder, let owned else { return }
                    let written = entries.indices.map { i in
                        let id = entries[i].id
                        return StoreIndex.WrittenThread(
                            entry: entries[i], file: urls[i].lastPathComponent, state: states[i],
                            read: readNames.contains(store.readFile(for: id).lastPathComponent) ? store.readPosts(thread: id) : [])
                    }
                    try recorder.submit {
                        let changes = try owned.value.record(written, commit: commit)
                        guard let texter, let words else { return }
                        try texter.submit { try words.value.apply(changes, commit: commit) }
                    }
                }
                start = end
                progress?(start, source.count)
            }
            if let settled, !settled.retired.isEmpty {
                // After every new file is written: a retired thread's posts are never in no file.
                result.threadsJoined = settled.retired.count
                try writer.submit {
                    let files = settled.removeRetired(store)
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
            if trusted, let index { try IndexedStore(store, index: index).recordDirectoryStamp() }
            return result
        }
    }
}
