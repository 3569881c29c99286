import Foundation
import WeftModel

extension StoreIndex {
    /// One thread file as written: what the index records for it.
    public struct WrittenThread: Sendable {
        public var thread: ForumThread
        /// The file's name in `threads/`.
        public var file: String
        /// The file's size and modification time after the write.
        public var state: FileState
        /// Each real post's own words, when already found (see ``StoreIndex/ownTexts(_:)``).
        public var ownTexts: [String]?

        public init(thread: ForumThread, file: String, state: FileState, ownTexts: [String]? = nil) {
            self.thread = thread
            self.file = file
            self.state = state
            self.ownTexts = ownTexts
        }
    }

    /// Records threads just written to the store, without reading their files back (import calls this).
    public func record(_ written: [WrittenThread], store: FileStore) throws {
        // The words to index are found on every core (a merge finds them while encoding); SQLite then
        // takes them on this thread.
        let texts = written.parallelMap { w in w.ownTexts ?? StoreIndex.ownTexts(w.thread) }
        try db.transaction {
            for (w, own) in zip(written, texts) {
                try record(w.thread, file: w.file, state: w.state, read: store.readPosts(thread: w.thread.id), ownTexts: own)
            }
        }
    }

    /// The words each real post of a thread says itself (what search indexes), in post order.
    public static func ownTexts(_ thread: ForumThread) -> [String] {
        thread.posts.filter { !$0.placeholder }.map { BodyParser.ownText($0.body) }
    }

    /// Replaces whatever the index held for `file` with `thread`. Call inside a transaction.
    func record(_ thread: ForumThread, file: String, state: FileState, read: Set<String>, ownTexts: [String]? = nil) throws {
        try forget(file: file)
        // Another file may have claimed the same thread id (a hand-made copy): the newest wins.
        let other = try db.cached("SELECT files.name FROM threads JOIN files ON files.thread = threads.row WHERE threads.id = ?1")
            .bind([thread.id])
        if try other.next(), let name = other.string(0) {
            _ = try? other.next()
            try forget(file: name)
        }
        let summary = ThreadSummary(thread)
        try db.cached("""
            INSERT INTO threads(id, title, title_key, forum, starter, post_count, first, last, read)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)
            """).bind([thread.id, thread.title, NaturalSortKey.make(thread.title), thread.forum, summary.starter,
                       summary.postCount, summary.firstDate?.timeIntervalSince1970,
                       summary.lastDate?.timeIntervalSince1970]).run()
        let row = db.lastInsertRowID
        try db.cached("INSERT INTO files(name, size, mtime, thread, problem) VALUES (?1, ?2, ?3, ?4, NULL)")
            .bind([file, state.size, state.mtime, row]).run()
        let participant = try db.cached("INSERT INTO participants(thread, author, author_key, posts) VALUES (?1, ?2, ?3, ?4)")
        let author = try db.cached("""
            INSERT INTO authors(author_key, name, posts) VALUES (?1, ?2, ?3)
            ON CONFLICT(author_key) DO UPDATE SET posts = posts + excluded.posts
            """)
        for (name, count) in summary.participants {
            let key = ThreadQuery.authorKey(name)
            try participant.bind([row, name, key, count]).run()
            try author.bind([key, name, count]).run()
        }
        let post = try db.cached("INSERT INTO posts(thread, post, author, author_key, date, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        let text = try db.cached("INSERT INTO post_text(rowid, body) VALUES (?1, ?2)")
        var readCount = 0
        let texts = ownTexts ?? StoreIndex.ownTexts(thread)
        for (p, own) in zip(thread.posts.filter { !$0.placeholder }, texts) {
            try post.bind([row, p.id, p.displayAuthor, ThreadQuery.authorKey(p.displayAuthor),
                           p.date?.timeIntervalSince1970, own]).run()
            try text.bind([db.lastInsertRowID, own]).run()
            if read.contains(p.id) { readCount += 1 }
        }
        if readCount > 0 { try db.cached("UPDATE threads SET read = ?2 WHERE row = ?1").bind([row, readCount]).run() }
    }

    /// Records that `file` could not be read, so the browser can say so without reading it again.
    func recordProblem(file: String, state: FileState, reason: String) throws {
        try forget(file: file)
        try db.cached("INSERT INTO files(name, size, mtime, thread, problem) VALUES (?1, ?2, ?3, NULL, ?4)")
            .bind([file, state.size, state.mtime, reason]).run()
    }

    /// Removes everything the index holds for `file`. Call inside a transaction.
    func forget(file name: String) throws {
        let find = try db.cached("SELECT thread FROM files WHERE name = ?1").bind([name])
        var row: Int64?
        if try find.next(), !find.isNull(0) { row = find.int64(0) }
        _ = try? find.next()
        if let row {
            let posts = try db.cached("SELECT row, body FROM posts WHERE thread = ?1").bind([row])
            let delete = try db.cached("INSERT INTO post_text(post_text, rowid, body) VALUES ('delete', ?1, ?2)")
            var old: [(Int64, String?)] = []
            while try posts.next() { old.append((posts.int64(0), posts.string(1))) }
            for (id, body) in old { try delete.bind([id, body]).run() }
            try db.cached("DELETE FROM posts WHERE thread = ?1").bind([row]).run()
            let participants = try db.cached("SELECT author_key, posts FROM participants WHERE thread = ?1").bind([row])
            var counts: [(String, Int)] = []
            while try participants.next() { counts.append((participants.string(0) ?? "", participants.int(1))) }
            for (key, n) in counts {
                try db.cached("UPDATE authors SET posts = posts - ?2 WHERE author_key = ?1").bind([key, n]).run()
                try db.cached("DELETE FROM authors WHERE author_key = ?1 AND posts <= 0").bind([key]).run()
            }
            try db.cached("DELETE FROM participants WHERE thread = ?1").bind([row]).run()
            try db.cached("DELETE FROM threads WHERE row = ?1").bind([row]).run()
        }
        try db.cached("DELETE FROM files WHERE name = ?1").bind([name]).run()
    }
}
