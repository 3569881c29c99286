import WeftModel
import WeftStore

/// Where the browser gets threads: the file store today, an index later.
///
/// Nothing in the UI assumes the whole store is in memory: it lists
/// summaries and loads one thread at a time.
public protocol ThreadSource: AnyObject {
    /// A short name for the status bar.
    var displayName: String { get }
    /// Every thread's summary, and the files that could not be read.
    func listSummaries() -> SummaryListing
    /// One thread, loaded on demand.
    func loadThread(id: String) throws -> ForumThread
    /// Which posts of a thread have been read.
    func readPosts(thread id: String) -> Set<String>
    /// Records read and unread marks.
    func saveReadState(thread id: String, read: Set<String>, unread: Set<String>) throws
    /// Changes when threads are added or replaced, so the browser can refresh when idle.
    func changeToken() -> String
    /// Posts across the whole store matching words, best first.
    func searchPosts(_ query: String, limit: Int) throws -> [SearchHit]
}

extension FileStore: ThreadSource {
    public var displayName: String { name }
    public func listSummaries() -> SummaryListing { summaries() }
    public func loadThread(id: String) throws -> ForumThread { try thread(id: id) }
    public func saveReadState(thread id: String, read: Set<String>, unread: Set<String>) throws {
        try updateReadState(thread: id, read: read, unread: unread)
    }
    public func searchPosts(_ query: String, limit: Int) throws -> [SearchHit] {
        let index = try StoreIndex(store: self)
        try index.sync(self)
        return try index.search(query, limit: limit)
    }
}
