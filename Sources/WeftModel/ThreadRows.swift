/// The threads a query lists, in order: only keys, so a million-post store costs a few megabytes.
public struct ThreadRows: Equatable, Sendable {
    /// The index's key for each listed thread, in list order.
    public var keys: [Int64]
    /// How many of them have unread posts.
    public var unreadThreads: Int

    public init(keys: [Int64] = [], unreadThreads: Int = 0) {
        self.keys = keys
        self.unreadThreads = unreadThreads
    }
}
