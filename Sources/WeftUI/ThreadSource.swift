import WeftModel

/// Where the browser gets threads: the store's index for the list, the files for a thread.
///
/// Nothing in the UI holds the whole store: the list is a sequence of keys
/// in the order the query asked for, and summaries are fetched a screenful
/// at a time; threads are loaded one at a time.
public protocol ThreadSource: AnyObject {
    /// A short name for the status bar.
    var displayName: String { get }
    /// The threads a query lists, in order.
    func listThreads(_ query: ThreadQuery) throws -> ThreadRows
    /// Summaries of listed threads, by key.
    func summaries(_ keys: [Int64]) throws -> [Int64: ThreadSummary]
    /// The key of a thread, by id.
    func key(ofThread id: String) throws -> Int64?
    /// Thread files that could not be read, with the reason.
    func problems() -> [StoreProblem]
    /// Every author with their post count, most posts first.
    func authors() throws -> [(name: String, posts: Int)]
    /// How many posts a query's author terms keep across the threads it lists.
    func postCount(_ query: ThreadQuery) throws -> Int
    /// The keys of threads whose title contains some text.
    func threads(titleContaining text: String) throws -> Set<Int64>
    /// One thread, loaded on demand.
    func loadThread(id: String) throws -> ForumThread
    /// Which posts of a thread have been read.
    func readPosts(thread id: String) -> Set<String>
    /// Records read and unread marks.
    func saveReadState(thread id: String, read: Set<String>, unread: Set<String>) throws
    /// Changes when threads are added or replaced, so the browser can refresh when idle.
    func changeToken() -> String
    /// Checks the list against the files again (possibly finishing later; ``changeToken()`` then changes).
    func refresh()
    /// Posts across the whole store matching words, best first.
    func searchPosts(_ query: String, limit: Int) throws -> [SearchHit]
}

/// Parses a post body in a format into blocks and links for display.
public typealias BodyReader = @Sendable (_ body: String, _ format: BodyFormat) -> ParsedBody
