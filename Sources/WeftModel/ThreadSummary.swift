import Foundation

/// What the thread list needs to know about a thread, without its posts.
public struct ThreadSummary: Equatable, Sendable, Codable {
    /// The thread's id.
    public var id: String
    /// The thread's title.
    public var title: String
    /// The forum or list, when known.
    public var forum: String?
    /// The author of the opening post, when known.
    public var starter: String?
    /// How many posts the thread holds.
    public var postCount: Int
    /// Each author with their post count; unnamed posts count under ``Post/unnamedAuthor``.
    public var participants: [String: Int]
    /// The earliest known post date.
    public var firstDate: Date?
    /// The latest known post date.
    public var lastDate: Date?
    /// How many posts have not been read.
    public var unreadCount: Int

    /// Creates a summary.
    public init(
        id: String, title: String, forum: String? = nil, starter: String? = nil, postCount: Int,
        participants: [String: Int], firstDate: Date? = nil, lastDate: Date? = nil, unreadCount: Int
    ) {
        self.id = id
        self.title = title
        self.forum = forum
        self.starter = starter
        self.postCount = postCount
        self.participants = participants
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.unreadCount = unreadCount
    }

    /// Summarises a thread, given which of its posts have been read.
    public init(_ thread: ForumThread, read: Set<String> = []) {
        var participants: [String: Int] = [:]
        var first: Date?
        var last: Date?
        var unread = 0
        for post in thread.posts where !post.placeholder {
            participants[post.displayAuthor, default: 0] += 1
            if let date = post.date {
                first = min(first ?? date, date)
                last = max(last ?? date, date)
            }
            if !read.contains(post.id) { unread += 1 }
        }
        self.init(
            id: thread.id, title: thread.title, forum: thread.forum, starter: thread.starter,
            postCount: thread.realPostCount, participants: participants,
            firstDate: first, lastDate: last, unreadCount: unread
        )
    }
}
