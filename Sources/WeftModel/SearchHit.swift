import Foundation

/// One post found by a store-wide search.
public struct SearchHit: Equatable, Sendable {
    public var thread: String
    public var title: String
    public var post: String
    public var author: String
    public var date: Date?
    /// The matching passage, matched words between `[` and `]`.
    public var snippet: String

    public init(thread: String, title: String, post: String, author: String, date: Date?, snippet: String) {
        self.thread = thread
        self.title = title
        self.post = post
        self.author = author
        self.date = date
        self.snippet = snippet
    }
}
