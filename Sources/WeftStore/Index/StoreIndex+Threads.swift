import Foundation
import WeftModel

/// The thread list as the index serves it: row keys in order, fetched a screen at a time.
extension StoreIndex {
    /// The threads a query lists, in its order: only keys, so a million-post store costs a few megabytes.
    ///
    /// The keys come from the sort order's index alone (each index holds the row), and the unread
    /// threads are counted apart: reading `read` and `post_count` for every key meant a look-up in the
    /// table per thread, 0.17 s of the first screen at 100,000 threads against 0.02 s for both queries.
    ///
    /// Author terms that keep more than `walkAbove` threads (and a tenth of them) are answered by
    /// walking the order's index (see ``commonAuthorRows(_:above:)``); tests set it to compare both ways.
    public func threadRows(_ query: ThreadQuery, walkAbove: Int = 1_000) throws -> ThreadRows {
        if query.hasAuthorTerms, let rows = try commonAuthorRows(query, above: walkAbove) { return rows }
        var sql = "SELECT row FROM threads"
        var conditions: [String] = []
        var binds: [(any SQLiteBindable)?] = []
        if query.hasAuthorTerms {
            conditions.append("row IN (SELECT thread FROM participants WHERE " + (try authorCondition(query, &binds)) + ")")
        }
        if query.unreadOnly { conditions.append("read < post_count") }
        let whereSQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        sql += whereSQL
        sql += " ORDER BY " + StoreIndex.order(query.order).terms
        return try db.reading {
            let stmt = try db.prepare(sql).bind(binds)
            var rows = ThreadRows()
            while try stmt.next() { rows.keys.append(stmt.int64(0)) }
            if query.unreadOnly {
                rows.unreadThreads = rows.keys.count
            } else {
                let unread = try db.prepare("SELECT count(*) FROM threads" + (whereSQL.isEmpty ? " WHERE " : whereSQL + " AND ")
                                            + "read < post_count").bind(binds)
                rows.unreadThreads = try unread.next() ? unread.int(0) : 0
            }
            return rows
        }
    }

    /// A list order as SQL: its ORDER BY terms (the row last, so that ties are always broken alike) and
    /// the index that holds the threads in that order.
    static func order(_ order: ThreadQuery.Order) -> (terms: String, index: String) {
        switch order {
        case .activity: return ("last DESC, title_key, row", "threads_activity")
        case .started: return ("first DESC, title_key, row", "threads_started")
        case .title: return ("title_key, row", "threads_title")
        case .size: return ("post_count DESC, title_key, row", "threads_size")
        }
    }

    /// The list for author terms that keep many threads, or nil when they keep few.
    ///
    /// An author in every other thread (the most prolific of a list) keeps tens of thousands: fetching
    /// each by its key and sorting them took 63 ms at 100,000 threads, where walking the order's index
    /// and keeping the author's threads takes 7 ms. For an author of a few threads, fetching them by key
    /// is the faster (1 ms against 14), so the threads the terms keep are counted first.
    private func commonAuthorRows(_ query: ThreadQuery, above threshold: Int) throws -> ThreadRows? {
        var binds: [(any SQLiteBindable)?] = []
        let condition = try authorCondition(query, &binds)
        return try db.reading {
            // Sets of rows as flags in arrays as long as the largest row: rows are numbered from 1.
            let total = try maxRow()
            var kept = [Bool](repeating: false, count: Int(max(0, total)) + 1)
            var keptCount = 0
            // Without DISTINCT (a temporary B-tree, half the query): an author with two spellings in a
            // thread gives its row twice, and the flag counts it once.
            let threads = try db.prepare("SELECT thread FROM participants WHERE " + condition).bind(binds)
            while try threads.next() {
                let row = Int(threads.int64(0))
                if row >= 0, row < kept.count, !kept[row] { kept[row] = true; keptCount += 1 }
            }
            guard keptCount * 10 >= total, keptCount > threshold else { return nil }
            var unread = [Bool](repeating: false, count: kept.count)
            let unreadRows = try db.prepare("SELECT row FROM threads WHERE read < post_count")
            while try unreadRows.next() {
                let row = Int(unreadRows.int64(0))
                if row >= 0, row < unread.count { unread[row] = true }
            }
            let order = StoreIndex.order(query.order)
            var rows = ThreadRows()
            rows.keys.reserveCapacity(keptCount)
            let ordered = try db.prepare("SELECT row FROM threads INDEXED BY \(order.index) ORDER BY \(order.terms)")
            while try ordered.next() {
                let row = Int(ordered.int64(0))
                guard row >= 0, row < kept.count, kept[row] else { continue }
                let isUnread = unread[row]
                if query.unreadOnly && !isUnread { continue }
                rows.keys.append(Int64(row))
                if isUnread { rows.unreadThreads += 1 }
            }
            return rows
        }
    }

    /// The SQL condition on `author_key` for a query's author terms, adding its values to `binds`.
    ///
    /// A term names an author under any spelling they wrote with: the names map to author keys through
    /// the spellings in `participants` (and a term that is itself a key, such as an address, matches it).
    /// The keys are looked up first, a seek each (see ``authorKeys(_:)``): as a subquery, the most
    /// prolific author's 55,000 spelling rows were read and merged on every filter and count.
    func authorCondition(_ query: ThreadQuery, _ binds: inout [(any SQLiteBindable)?]) throws -> String {
        var parts: [String] = []
        func list(_ names: [String]) throws -> String {
            let keys = try authorKeys(names)
            let start = binds.count
            binds += keys.map { $0 }
            return "(" + keys.indices.map { "?\(start + $0 + 1)" }.joined(separator: ",") + ")"
        }
        if !query.authors.isEmpty { parts.append("author_key IN " + (try list(query.authors))) }
        if !query.excludedAuthors.isEmpty { parts.append("author_key NOT IN " + (try list(query.excludedAuthors))) }
        return parts.isEmpty ? "1" : parts.joined(separator: " AND ")
    }

    /// The author keys that names stand for: each name's own key, and every key a post was written
    /// under with that name. Found by skipping from key to key in the `(name_key, author_key)` index,
    /// so a name of 55,000 posts under two keys costs three seeks.
    func authorKeys(_ names: [String]) throws -> [String] {
        let first = try db.cached("SELECT author_key FROM participants WHERE name_key = ?1 ORDER BY author_key LIMIT 1")
        let next = try db.cached("SELECT author_key FROM participants WHERE name_key = ?1 AND author_key > ?2 ORDER BY author_key LIMIT 1")
        var keys: [String] = []
        for name in names {
            let nameKey = ThreadQuery.authorKey(name)
            keys.append(nameKey)
            first.bind([nameKey])
            var found = try first.next() ? first.string(0) : nil
            _ = try? first.next()
            while let key = found {
                keys.append(key)
                next.bind([nameKey, key])
                found = try next.next() ? next.string(0) : nil
                _ = try? next.next()
            }
        }
        var seen: Set<String> = []
        return keys.filter { seen.insert($0).inserted }
    }

    /// The summaries of some listed threads (a screenful), by key. Participants are not filled in.
    public func summaries(_ keys: [Int64]) throws -> [Int64: ThreadSummary] {
        var out: [Int64: ThreadSummary] = [:]
        out.reserveCapacity(keys.count)
        for (key, summary) in zip(keys, try orderedSummaries(keys)) { if let summary { out[key] = summary } }
        return out
    }

    /// The summaries of threads, in the order of `keys` (nil for a key no thread has). Participants are not filled in.
    func orderedSummaries(_ keys: [Int64]) throws -> [ThreadSummary?] {
        var out = [ThreadSummary?](repeating: nil, count: keys.count)
        try eachThreadRow(keys, columns: "id, title, forum, starter, post_count, first, last, read") { k, stmt in
            let count = stmt.int(4)
            out[k] = ThreadSummary(id: stmt.string(0) ?? "", title: stmt.string(1) ?? "", forum: stmt.string(2),
                                   starter: stmt.string(3), postCount: count, participants: [:],
                                   firstDate: stmt.double(5).map(Date.init(timeIntervalSince1970:)),
                                   lastDate: stmt.double(6).map(Date.init(timeIntervalSince1970:)),
                                   unreadCount: max(0, count - stmt.int(7)))
        }
        return out
    }

    /// Reads `columns` of the threads `keys` name, giving each row with its key's place: in the
    /// table's order when one pass over the table beats a look-up each (a command listing tens of
    /// thousands), else key by key. A key no thread has gives nothing.
    func eachThreadRow(_ keys: [Int64], columns: String, _ body: (Int, SQLiteDatabase.Statement) throws -> Void) throws {
        guard !keys.isEmpty else { return }
        if let places = try scanPlaces(keys) {
            let stmt = try db.prepare("SELECT \(columns), row FROM threads")
            let rowColumn = stmt.columnCount - 1
            while try stmt.next() {
                if let k = places.place(of: stmt.int64(rowColumn)) { try body(k, stmt) }
            }
            return
        }
        let stmt = try db.cached("SELECT \(columns) FROM threads WHERE row = ?1")
        for (k, key) in keys.enumerated() {
            stmt.bind([key])
            guard try stmt.next() else { continue }
            try body(k, stmt)
            _ = try? stmt.next()
        }
    }

    /// Where each key is in a list of keys, found by the row alone: rows are numbered from 1 with few
    /// gaps, so an array as long as the largest row beats a dictionary (no hashing, no buckets).
    struct KeyPlaces {
        private var places: [Int32]

        init(_ keys: [Int64], maxRow: Int64) {
            places = [Int32](repeating: -1, count: Int(max(0, maxRow)) + 1)
            for (k, key) in keys.enumerated() where key >= 0 && key <= maxRow && places[Int(key)] < 0 { places[Int(key)] = Int32(k) }
        }

        /// The place of `row` in the keys, if it is one of them.
        func place(of row: Int64) -> Int? {
            guard row >= 0, row < places.count else { return nil }
            let k = places[Int(row)]
            return k >= 0 ? Int(k) : nil
        }
    }

    /// The keys' places when a pass over a table of `rowsPerThread` rows a thread beats looking each
    /// key up, else nil.
    func scanPlaces(_ keys: [Int64], rowsPerThread: Int = 1) throws -> KeyPlaces? {
        let maxRow = try self.maxRow()
        guard StoreIndex.scanBeatsLookUps(keys.count, rowsPerThread: rowsPerThread, maxRow: maxRow) else { return nil }
        return KeyPlaces(keys, maxRow: maxRow)
    }

    /// The largest thread row (about the number of threads).
    func maxRow() throws -> Int64 {
        let stmt = try db.cached("SELECT max(row) FROM threads")
        let rows = try stmt.next() ? stmt.int64(0) : 0
        _ = try? stmt.next()
        return rows
    }

    /// Whether reading every thread's row beats looking up `count` of them one by one, when a thread
    /// has `rowsPerThread` rows: a look-up costs about eight rows of a pass (at 1M posts: 3,000
    /// threads looked up in 12 ms, against 70 ms for the pass over 100,000).
    static func scanBeatsLookUps(_ count: Int, rowsPerThread: Int = 1, maxRow rows: Int64) -> Bool {
        guard count > 2_000 else { return false }
        return Int64(count) * Int64(8 + rowsPerThread) > rows * Int64(rowsPerThread)
    }

    /// The key of a thread, by its id.
    public func key(ofThread id: String) throws -> Int64? {
        let stmt = try db.cached("SELECT row FROM threads WHERE id = ?1").bind([id])
        guard try stmt.next() else { return nil }
        let key = stmt.int64(0)
        _ = try? stmt.next()
        return key
    }

    /// Every author with their post count across the store, most posts first.
    public func authors() throws -> [(name: String, posts: Int)] {
        let stmt = try db.cached("SELECT name, posts FROM authors ORDER BY posts DESC, name")
        var out: [(String, Int)] = []
        while try stmt.next() { out.append((stmt.string(0) ?? "", stmt.int(1))) }
        return out
    }

    /// How many posts the query's author terms keep in the threads it lists.
    public func postCount(_ query: ThreadQuery) throws -> Int {
        var binds: [(any SQLiteBindable)?] = []
        if !query.unreadOnly {
            // Over every thread, an author's posts are the authors table's count: one row per author,
            // not one per thread they wrote in (4 ms against 26 for the most prolific of 1M posts).
            let stmt = try db.prepare("SELECT coalesce(sum(posts), 0) FROM authors WHERE " + (try authorCondition(query, &binds)))
                .bind(binds)
            return try stmt.next() ? stmt.int(0) : 0
        }
        var sql = "SELECT coalesce(sum(posts), 0) FROM participants WHERE " + (try authorCondition(query, &binds))
        if query.unreadOnly { sql += " AND thread IN (SELECT row FROM threads WHERE read < post_count)" }
        let stmt = try db.prepare(sql).bind(binds)
        return try stmt.next() ? stmt.int(0) : 0
    }

    /// The keys of threads whose title contains `text` (any case, any accents), for `/` in the list.
    public func threads(titleContaining text: String) throws -> Set<Int64> {
        let stmt = try db.cached("SELECT row, title FROM threads")
        var out: Set<Int64> = []
        while try stmt.next() {
            if let title = stmt.string(1), title.containsIgnoringCaseAndAccents(text) {
                out.insert(stmt.int64(0))
            }
        }
        return out
    }
}
