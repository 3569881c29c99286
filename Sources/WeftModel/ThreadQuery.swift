/// Which threads a list shows, and in what order: what the thread list asks its store for.
///
/// The list is computed by whoever holds the threads (the store's index), so
/// the browser never has to hold every thread's summary to filter or sort.
public struct ThreadQuery: Equatable, Hashable, Sendable {
    /// How threads are ordered.
    public enum Order: String, CaseIterable, Sendable {
        /// Latest post first.
        case activity
        /// Newest opening post first.
        case started
        /// By title, numbers in titles compared as numbers.
        case title
        /// Most posts first.
        case size
    }

    /// Threads with a post by one of these authors (any case); empty means any author.
    public var authors: [String]
    /// Threads with a post by someone not in this list count; a thread only they posted in does not.
    public var excludedAuthors: [String]
    /// Only threads with unread posts.
    public var unreadOnly: Bool
    /// The order.
    public var order: Order

    /// Creates a query; the default lists every thread, latest activity first.
    public init(authors: [String] = [], excludedAuthors: [String] = [], unreadOnly: Bool = false, order: Order = .activity) {
        self.authors = authors
        self.excludedAuthors = excludedAuthors
        self.unreadOnly = unreadOnly
        self.order = order
    }

    /// Whether the query narrows by author at all.
    public var hasAuthorTerms: Bool { !authors.isEmpty || !excludedAuthors.isEmpty }

    /// How author names are compared: case-insensitively, the same everywhere (``PostFilter/passes(author:)``
    /// in memory, the index's `author_key` columns in SQL).
    public static func authorKey(_ name: String) -> String { name.lowercased() }
}
