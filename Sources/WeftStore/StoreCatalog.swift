import Foundation
import WeftModel

/// A store opened for browsing: its files, its index, and a check of the one against the other.
///
/// The browser's first screen comes straight from the index, so it costs the
/// same for ten threads or a hundred thousand. The check that the index still
/// matches the files (every file's size and modification time) then runs on
/// a thread of its own with its own connection, started by ``refresh()`` (the browser calls it when
/// it is first idle, so the check does not compete with the first screen); when it changes the index,
/// ``changeToken()`` changes and the browser reloads when idle.
///
/// An index that is missing or empty is built before anything is shown
/// (with progress), and so is an index kept in memory for a read-only store.
public final class StoreCatalog: @unchecked Sendable {
    /// The store.
    public let store: FileStore
    /// The index, on this (the browser's) connection.
    public let index: StoreIndex
    private let background: Bool
    private let lock = NSLock()
    private var syncing = false
    /// How many checks have finished; what they found is in the index (problems included).
    private var syncRuns = 0
    /// The files' and the index's versions when the token was last asked for.
    private var seen: (files: String, data: Int)?

    /// Opens a store's index, building it first when it is empty.
    ///
    /// With `background` false every check runs on the caller's thread, as tests want.
    public init(store: FileStore, background: Bool = true, progress: ((Int, Int) -> Void)? = nil) throws {
        self.store = store
        self.index = try StoreIndex(directory: store.indexDir)
        self.background = background && index.path != nil
        if index.path == nil || (index.isEmpty && !store.isEmpty) {
            try IndexedStore(store, index: index).syncRecordingStamp(progress: progress)
        }
    }

    /// Checks the index against the files: in the background when it can, else now.
    public func refresh() {
        guard background, let path = index.path else {
            _ = try? IndexedStore(store, index: index).syncRecordingStamp()
            lock.withLock { syncRuns += 1 }
            return
        }
        let start = lock.withLock { () -> Bool in
            if syncing { return false }
            syncing = true
            return true
        }
        guard start else { return }
        let thread = Thread { [self] in
            // A check that fails (the disk, a busy writer) changes nothing; the next one tries again.
            _ = try? IndexedStore(self.store, index: StoreIndex(path: path)).syncRecordingStamp()
            lock.withLock {
                syncing = false
                syncRuns += 1
            }
        }
        thread.name = "weft-index-sync"
        thread.qualityOfService = .utility
        thread.start()
    }

    /// Changes whenever the list may have changed: the index was written (by any process) or a check finished.
    ///
    /// Thread files added or replaced without the index being written (by hand, or by a program that
    /// does not keep the index) start a check, whose end changes the token again.
    public func changeToken() -> String {
        let files = store.changeToken()
        let data = index.dataVersion()
        let unrecorded = lock.withLock { () -> Bool in
            defer { seen = (files, data) }
            guard let seen else { return false }
            return seen.files != files && seen.data == data
        }
        if unrecorded { refresh() }
        return "\(files)|\(data)|\(lock.withLock { syncRuns })"
    }
}
