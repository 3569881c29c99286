import Foundation
import WeftModel

extension StoreIndex {
    /// The full summaries of the threads a query lists, in its order, participants included; with
    /// `text`, only those whose title contains it (any case, any accents).
    public func listing(_ query: ThreadQuery, titleContaining text: String? = nil) throws -> [ThreadSummary] {
        try db.reading { try readListing(query, titleContaining: text) }
    }

    /// The keys of the threads a query lists, in its order; with `text`, only those whose title contains it.
    func listedKeys(_ query: ThreadQuery, titleContaining text: String?) throws -> [Int64] {
        let keys = try threadRows(query).keys
        guard let text, !text.isEmpty else { return keys }
        let titled = try threads(titleContaining: text)
        return keys.filter(titled.contains)
    }

    private func readListing(_ query: ThreadQuery, titleContaining text: String?) throws -> [ThreadSummary] {
        let keys = try listedKeys(query, titleContaining: text)
        var found = try orderedSummaries(keys)
        if let places = try scanPlaces(keys, rowsPerThread: 8) {
            // The table is in thread order: each thread's rows come together.
            let stmt = try db.prepare("SELECT thread, author, posts FROM participants")
            var names = NameCache()
            var thread: Int64 = -1
            var place: Int?
            var counts: [String: Int] = [:]
            while try stmt.next() {
                let key = stmt.int64(0)
                if key != thread {
                    if let place { found[place]?.participants = counts }
                    thread = key
                    place = places.place(of: key)
                    counts = [:]
                }
                if place != nil { counts[names.name(stmt, column: 1), default: 0] += stmt.int(2) }
            }
            if let place { found[place]?.participants = counts }
        } else {
            let stmt = try db.cached("SELECT author, posts FROM participants WHERE thread = ?1")
            // In the table's order: neighbours share pages.
            for (key, k) in zip(keys, keys.indices).sorted(by: { $0.0 < $1.0 }) {
                stmt.bind([key])
                var counts: [String: Int] = [:]
                while try stmt.next() { counts[stmt.string(0) ?? "", default: 0] += stmt.int(1) }
                found[k]?.participants = counts
            }
        }
        return Self.taken(&found)
    }

    /// The summaries found, moved out of their slots rather than copied (a copy retains five strings
    /// and a dictionary: a sixth of listing 100,000 threads).
    private static func taken(_ found: inout [ThreadSummary?]) -> [ThreadSummary] {
        var out: [ThreadSummary] = []
        out.reserveCapacity(found.count)
        for k in found.indices { if let s = found[k].take() { out.append(s) } }
        return out
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
