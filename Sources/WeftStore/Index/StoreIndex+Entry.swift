import Foundation
import WeftModel

extension StoreIndex {
    /// Everything the index records for one thread, worked out without SQLite.
    ///
    /// Pure, so an import builds entries on every core and leaves the index's
    /// one writing thread nothing to do but run statements.
    public struct Entry: Sendable {
        /// A participant under one spelling: the name as written, the author it belongs to
        /// (``Post/authorKey``: a mail address, or the name lower-cased), and how many posts.
        struct Participant: Sendable {
            var name: String
            var key: String
            var posts: Int
        }

        /// A real post: what the `posts` row and the full-text row hold.
        struct PostRow: Sendable {
            var id: String
            var author: String
            var authorKey: String
            var date: Double?
            /// The post's own words, quotes left out (what search matches).
            var ownText: String
        }

        /// The thread's id, title and forum (the entry keeps no post texts but the words search matches).
        var id: String
        var title: String
        var forum: String?
        var summary: ThreadSummary
        var titleKey: String
        var participants: [Participant]
        var posts: [PostRow]
        /// Ids the thread names but does not hold: its placeholders and the missing parents of its roots.
        ///
        /// Mail imported later looks a thread up by these (``StoreIndex/threads(naming:)``): the message a
        /// placeholder stands for, or a root's parent, joins the thread when it arrives.
        var missing: [String]

        /// The entry for `thread`.
        public init(_ thread: ForumThread) {
            id = thread.id
            title = thread.title
            forum = thread.forum
            summary = ThreadSummary(thread)
            titleKey = NaturalSortKey.make(thread.title)
            // Each post's author key once: it reads the From address or looks for " via " in the name.
            let real = thread.posts.filter { !$0.placeholder }
            let keys = real.map(\.authorKey)
            var spellings: [String: [String: Int]] = [:]
            for (p, key) in zip(real, keys) { spellings[key, default: [:]][p.displayAuthor, default: 0] += 1 }
            participants = spellings.flatMap { key, names in names.map { Participant(name: $0.key, key: key, posts: $0.value) } }
                .sorted { ($0.key, $0.name) < ($1.key, $1.name) }
            posts = zip(real, keys).map { p, key in
                PostRow(id: p.id, author: p.displayAuthor, authorKey: key,
                        date: p.date?.timeIntervalSince1970, ownText: BodyParser.ownText(p.body))
            }
            let held = Set(thread.posts.lazy.filter { !$0.placeholder }.map(\.id))
            var named = Set(thread.posts.lazy.filter(\.placeholder).map(\.id))
            for p in thread.posts { if let parent = p.parent, !held.contains(parent) { named.insert(parent) } }
            missing = named.sorted()
        }
    }

    /// Post counts by author key, each spelling counted, added up over several threads and written at once.
    struct AuthorCounts {
        private(set) var counts: [String: [String: Int]] = [:]
        /// Threads by author key: each thread counts once for each author in it, whatever the spellings.
        private(set) var threads: [String: Int] = [:]

        mutating func add(_ entry: Entry) {
            for p in entry.participants { counts[p.key, default: [:]][p.name, default: 0] += p.posts }
            for key in Set(entry.participants.map(\.key)) { threads[key, default: 0] += 1 }
        }
    }
}
