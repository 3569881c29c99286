import Foundation
import WeftModel

/// A store's files and its index, kept in step.
///
/// ``FileStore`` only reads and writes files and ``StoreIndex`` only records and answers
/// queries; neither knows the other. This type is where they meet: it brings the index up to
/// date with the files (``sync(progress:)`` and the cheaper checks beside it, see
/// `IndexedStore+Sync.swift`), and answers the command line's questions after the check the
/// question needs. ``ImportPipeline`` writes through both.
public struct IndexedStore {
    /// The files.
    public let store: FileStore
    /// The index of them.
    public let index: StoreIndex

    /// The files with an index already open on them.
    public init(_ store: FileStore, index: StoreIndex) {
        self.store = store
        self.index = index
    }

    /// Opens (creating when needed) the store's index; in memory when the store's index cannot be written.
    public init(_ store: FileStore) throws {
        self.init(store, index: try StoreIndex(directory: store.indexDir))
    }

    /// Every thread's summary (participants included), from the index after checking it against every file.
    ///
    /// For commands that print the whole list: the check costs a `stat` per
    /// thread file, and only files that changed are read again. A file that
    /// cannot be read is reported in ``SummaryListing/problems`` and does not
    /// stop the others. A store whose index cannot be written is listed from
    /// an index built in memory.
    public func summaries(progress: ((Int, Int) -> Void)? = nil) throws -> SummaryListing {
        try listing(ThreadQuery(), progress: progress, check: true)
    }

    /// The summaries a query lists, answered by the index the way the browser's list is:
    /// `weft list --author` and the browser's `a` mean one thing.
    ///
    /// The index is trusted unless the store's directories changed since it was last brought up to date
    /// (every Weft writer, and any tool that adds, replaces or removes a file, changes them): then the
    /// files are checked. `check` checks every file's size and time first, catching a file edited in
    /// place (see docs/store-format.md, "When the index notices a change").
    public func listing(_ query: ThreadQuery, titleContaining text: String? = nil,
                        progress: ((Int, Int) -> Void)? = nil, check: Bool = false) throws -> SummaryListing {
        try sync(check: check, progress: progress)
        return SummaryListing(summaries: try index.listing(query, titleContaining: text),
                              problems: try problems())
    }

    /// The threads a query lists as rows read in place, after the same sync as ``listing(_:titleContaining:progress:check:)``
    /// (see ``StoreIndex/eachListed(_:titleContaining:count:_:)``); returns the files the index could not read.
    public func eachListed(_ query: ThreadQuery, titleContaining text: String? = nil, progress: ((Int, Int) -> Void)? = nil,
                           check: Bool = false, count: (Int) -> Void, _ body: (Int, StoreIndex.ListedRow) throws -> Void) throws -> [StoreProblem] {
        try sync(check: check, progress: progress)
        try index.eachListed(query, titleContaining: text, count: count, body)
        return try problems()
    }

    /// Thread files the index could not read, with the reason, as of the last sync.
    public func problems() throws -> [StoreProblem] {
        try index.problems().map { StoreProblem(path: store.threadsDir.appendingPathComponent($0.file).path, reason: $0.reason) }
    }
}
