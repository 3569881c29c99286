import Foundation
import WeftModel

/// What a recipe read from one saved page: the thread it belongs to and its posts.
public struct ExtractedPage: Sendable {
    /// One post as the page shows it.
    public struct Item: Sendable {
        public var id: String
        public var author: String?
        /// The date as the page writes it (an attribute's value or the displayed text).
        public var dateText: String?
        public var date: Date?
        public var body: String
        public var signature: String?
        /// How many quotes the body holds, and how many of them name their source post.
        public var quotes: Int
        public var linkedQuotes: Int
    }

    public var engine: String
    public var title: String
    public var forum: String?
    /// The thread's id on its forum, when the page gives it.
    public var threadID: String?
    /// The page's address, when known.
    public var url: String?
    /// The key that makes pages of one thread one thread: site and thread id.
    public var threadKey: String
    public var items: [Item]
    /// What could not be taken as it was (a post without a body, an unreadable date).
    public var notes: [String]

    /// The page as a thread of Weft posts, flat, ready for reply inference.
    public var thread: ForumThread {
        let posts = items.map { item in
            Post(id: item.id, author: item.author, date: item.date, parent: nil, number: Int(item.id), body: item.body,
                 format: .html, inferred: .default, signature: item.signature)
        }
        return ForumThread(id: threadKey, title: title, forum: forum, posts: posts)
    }
}
