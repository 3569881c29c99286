import Foundation
import WeftModel

extension StoreIndex {
    /// The full summaries of the threads a query lists, in its order, participants included unless
    /// `participants` is false; with `text`, only those whose title contains it (any case, any accents).
    public func listing(_ query: ThreadQuery, titleContaining text: String? = nil, participants: Bool = true) throws -> [ThreadSummary] {
        try db.reading { try readListing(query, titleContaining: text, withParticipants: participants) }
    }

    private func readListing(_ query: ThreadQuery, titleContaining text: String?, withParticipants: Bool) throws -> [ThreadSummary] {
        var keys = try threadRows(query).keys
        if let text, !text.isEmpty {
            let titled = try threads(titleContaining: text)
            keys = keys.filter(titled.contains)
        }
        let found = try summaries(keys)
        guard withParticipants else { return keys.compactMap { found[$0] } }
        var participants: [Int64: [String: Int]] = [:]
        if try scanBeatsLookUps(keys.count, rowsPerThread: 8) {
            // The table is in thread order: each thread's rows come together.
            let wanted = Set(keys)
            let stmt = try db.prepare("SELECT thread, author, posts FROM participants")
            var thread: Int64 = -1
            var kept = false
            var counts: [String: Int] = [:]
            while try stmt.next() {
                let key = stmt.int64(0)
                if key != thread {
                    if kept { participants[thread] = counts }
                    thread = key
                    kept = wanted.contains(key)
                    counts = [:]
                }
                if kept { counts[stmt.string(1) ?? "", default: 0] += stmt.int(2) }
            }
            if kept { participants[thread] = counts }
        } else {
            let stmt = try db.cached("SELECT author, posts FROM participants WHERE thread = ?1")
            for key in keys.sorted() {  // in the table's order: neighbours share pages
                stmt.bind([key])
                while try stmt.next() { participants[key, default: [:]][stmt.string(0) ?? "", default: 0] += stmt.int(1) }
            }
        }
        return keys.compactMap { key in
            guard var s = found[key] else { return nil }
            s.participants = participants[key] ?? [:]
            return s
        }
    }

    /// Every author with their posts and the threads they posted in, most posts first (as `weft authors` lists them).
    public func authorsWithThreads() throws -> [(name: String, posts: Int, threads: Int)] {
        // The thread counts are kept by every write (see `add(_:)` and `forget(file:)`): counting them
        // here read every participant row, 848,000 at a million posts.
        let stmt = try db.prepare("SELECT name, posts, threads FROM authors ORDER BY posts DESC, name")
        var out: [(String, Int, Int)] = []
        while try stmt.next() { out.append((stmt.string(0) ?? "", stmt.int(1), stmt.int(2))) }
        return out
    }
}
