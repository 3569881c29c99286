import WeftModel
import WeftStore
import WeftUI

/// The store, with its index, as the browser's source of threads.
///
/// The adapter lives apart from both: the UI knows only ``ThreadSource`` and model types, and the
/// store knows nothing of the UI.
extension StoreCatalog: ThreadSource {
    public var displayName: String { store.name }
    public func listThreads(_ query: ThreadQuery) throws -> ThreadRows { try index.threadRows(query) }
    public func summaries(_ keys: [Int64]) throws -> [Int64: ThreadSummary] { try index.summaries(keys) }
    public func key(ofThread id: String) throws -> Int64? { try index.key(ofThread: id) }
    public func problems() -> [StoreProblem] { (try? IndexedStore(store, index: index).problems()) ?? [] }
    public func authors() throws -> [(name: String, posts: Int)] { try index.authors() }
    public func postCount(_ query: ThreadQuery) throws -> Int { try index.postCount(query) }
    public func threads(titleContaining text: String) throws -> Set<Int64> { try index.threads(titleContaining: text) }
    public func loadThread(id: String) throws -> ForumThread { try store.thread(id: id) }
    public func readPosts(thread id: String) -> Set<String> { store.readPosts(thread: id) }
    public func saveReadState(thread id: String, read: Set<String>, unread: Set<String>) throws {
        let now = try store.updateReadState(thread: id, read: read, unread: unread)
        try? index.updateRead(thread: id, read: now)
    }
    public func searchPosts(_ query: String, limit: Int) throws -> [SearchHit] {
        try index.search(query, limit: limit)
    }
}
