import Foundation
import WeftModel
import WeftCodec

extension StoreIndex {
    /// One thread file as written: what the index records for it.
    public struct WrittenThread: Sendable {
        /// The thread, with what the index records for it.
        public var entry: Entry
        /// The file's name in `threads/`.
        public var file: String
        /// The file's size and modification time after the write.
        public var state: FileState
        /// The ids of the posts marked read.
        public var read: Set<String>

        public init(entry: Entry, file: String, state: FileState, read: Set<String>) {
            self.entry = entry
            self.file = file
            self.state = state
            self.read = read
        }
    }

    /// Records threads just written to the store, without reading their files back (import calls this).
    ///
    /// With `commit` false the transaction stays open for the next call, so a long import commits (and
    /// writes the pages every batch touches) once per several batches. Between ``beginBulk()`` and
    /// ``endBulk(_:succeeded:)`` the words are not written but returned, for the ``TextWriter``.
    /// `retired` names thread files removed from the store (their posts moved to other threads); they are forgotten first.
    @discardableResult
    public func record(_ written: [WrittenThread], retired: [String] = [], commit: Bool = true) throws -> TextChanges {
        if !db.inTransaction { try db.exec("BEGIN IMMEDIATE") }
        do {
            for file in retired { try forget(file: file) }
            var authors = AuthorCounts()
            for w in written {
                try record(w.entry, file: w.file, state: w.state, read: w.read, authors: &authors)
            }
            try add(authors)
            if commit { try db.exec("COMMIT") }
        } catch {
            try? db.exec("ROLLBACK")
            if textOut != nil { textOut = TextChanges() }
            throw error
        }
        guard let changes = textOut else { return TextChanges() }
        textOut = TextChanges()
        return changes
    }

    /// Starts an import's writing: the words are marked incomplete and written by the returned
    /// writer on its own connection (nil for an index in memory, which writes them itself).
    public func beginBulk() throws -> TextWriter? {
        guard let path else { return nil }
        try db.transaction { try db.exec("INSERT OR REPLACE INTO text.meta(key, value) VALUES ('complete', 0)") }
        // Detached: a write transaction here would otherwise lock the words' file against the writer.
        try db.exec("DETACH DATABASE text")
        textOut = TextChanges()
        return try TextWriter(path: StoreIndex.textPath(path))
    }

    /// Ends an import's writing: commits what this connection recorded, lets `writer` commit and mark the
    /// words complete when both sides succeeded (or roll back, leaving them to be rebuilt), and attaches
    /// the words again.
    public func endBulk(_ writer: TextWriter?, succeeded: Bool) throws {
        var failure: (any Error)?
        do {
            if db.inTransaction { try db.exec(succeeded ? "COMMIT" : "ROLLBACK") }
        } catch { failure = error }
        if let writer, let path {
            textOut = nil
            // Each step runs even when one before failed: the words must not be marked complete
            // then, and this connection must get them back.
            do { try writer.finish(succeeded: succeeded && failure == nil) } catch { failure = failure ?? error }
            do {
                try db.prepare("ATTACH DATABASE ?1 AS text").bind([StoreIndex.textPath(path)]).run()
            } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    /// Changes the words: at once, or into ``textOut`` while an import's ``TextWriter`` writes them.
    func changeText(_ change: TextChanges.Change) throws {
        if textOut != nil { textOut!.list.append(change) } else { try change.apply(to: db, schema: "text") }
    }

    /// Replaces whatever the index held for `file` with `entry`, counting its authors into `authors`
    /// (written by ``add(_:)``). Call inside a transaction.
    func record(_ entry: Entry, file: String, state: FileState, read: Set<String>, authors: inout AuthorCounts) throws {
        try forget(file: file)
        // Another file may have claimed the same thread id (a hand-made copy): the newest wins.
        let other = try db.cached("SELECT files.name FROM threads JOIN files ON files.thread = threads.row WHERE threads.id = ?1")
            .bind([entry.id])
        if try other.next(), let name = other.string(0) {
            _ = try? other.next()
            try forget(file: name)
        }
        let summary = entry.summary
        // A thread's posts take consecutive rows, so forgetting it needs no index on posts.thread.
        let last = try db.cached("SELECT coalesce(max(row), 0) FROM posts")
        let firstPost = try last.next() ? last.int64(0) + 1 : 1
        _ = try? last.next()
        try db.cached("""
            INSERT INTO threads(id, title, title_key, forum, starter, post_count, first, last, read, posts_from)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9)
            """).bind([entry.id, entry.title, entry.titleKey, entry.forum, summary.starter,
                       entry.posts.count, summary.firstDate?.timeIntervalSince1970,
                       summary.lastDate?.timeIntervalSince1970, firstPost]).run()
        let row = db.lastInsertRowID
        try db.cached("INSERT INTO files(name, size, mtime, thread, problem) VALUES (?1, ?2, ?3, ?4, NULL)")
            .bind([file, state.size, state.mtime, row]).run()
        let participant = try db.cached("INSERT INTO participants(thread, author, name_key, author_key, posts) VALUES (?1, ?2, ?3, ?4, ?5)")
        for p in entry.participants { try participant.bind([row, p.name, ThreadQuery.authorKey(p.name), p.key, p.posts]).run() }
        authors.add(entry)
        let post = try db.cached("INSERT INTO posts(row, thread, post, author, author_key, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        var readCount = 0
        for (i, p) in entry.posts.enumerated() {
            let postRow = firstPost + Int64(i)
            try post.bind([postRow, row, p.id, p.author, p.authorKey, p.date]).run()
            try changeText(.add(row: postRow, text: p.ownText))
            if read.contains(p.id) { readCount += 1 }
        }
        if readCount > 0 { try db.cached("UPDATE threads SET read = ?2 WHERE row = ?1").bind([row, readCount]).run() }
        let missing = try db.cached("INSERT OR IGNORE INTO missing(thread, post) VALUES (?1, ?2)")
        for id in entry.missing { try missing.bind([row, id]).run() }
    }

    /// Adds post counts to the authors table. Call inside a transaction, after the threads' participants.
    ///
    /// An author is shown by their most used spelling across the store (``Authorship/before(_:_:)``'s order);
    /// it is worked out again only when this batch's favourite differs from the stored one.
    func add(_ authors: AuthorCounts) throws {
        let author = try db.cached("""
            INSERT INTO authors(author_key, name, posts, threads) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT(author_key) DO UPDATE SET posts = posts + excluded.posts, threads = threads + excluded.threads,
                name = CASE WHEN excluded.name = authors.name THEN authors.name ELSE
                    (SELECT author FROM participants WHERE participants.author_key = excluded.author_key
                     GROUP BY author ORDER BY sum(posts) DESC, instr(author, '@') > 0, author LIMIT 1) END
            """)
        for (key, names) in authors.counts {
            let best = names.sorted { Authorship.before(($0.key, $0.value), ($1.key, $1.value)) }.first?.key ?? key
            try author.bind([key, best, names.values.reduce(0, +), authors.threads[key] ?? 0]).run()
        }
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
            let range = try db.cached("SELECT posts_from, posts_from + post_count FROM threads WHERE row = ?1").bind([row])
            let postRows = try range.next() ? (range.int64(0), range.int64(1)) : (0, 0)
            _ = try? range.next()
            try changeText(.remove(postRows.0..<max(postRows.0, postRows.1)))
            try db.cached("DELETE FROM posts WHERE row >= ?1 AND row < ?2").bind([postRows.0, postRows.1]).run()
            let participants = try db.cached("SELECT author_key, posts FROM participants WHERE thread = ?1").bind([row])
            // A key's posts under all its spellings, and the thread once.
            var counts: [String: Int] = [:]
            while try participants.next() { counts[participants.string(0) ?? "", default: 0] += participants.int(1) }
            for (key, n) in counts {
                try db.cached("UPDATE authors SET posts = posts - ?2, threads = threads - 1 WHERE author_key = ?1").bind([key, n]).run()
                try db.cached("DELETE FROM authors WHERE author_key = ?1 AND posts <= 0").bind([key]).run()
            }
            try db.cached("DELETE FROM participants WHERE thread = ?1").bind([row]).run()
            try db.cached("DELETE FROM missing WHERE thread = ?1").bind([row]).run()
            try db.cached("DELETE FROM threads WHERE row = ?1").bind([row]).run()
        }
        try db.cached("DELETE FROM files WHERE name = ?1").bind([name]).run()
    }
}
