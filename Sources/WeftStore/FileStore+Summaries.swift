import Foundation
import WeftModel

/// The thread list of a store, and the files that could not be read.
public struct SummaryListing: Sendable {
    /// One summary per readable thread file, latest activity first.
    public var summaries: [ThreadSummary]
    /// Thread files that could not be loaded, with the reason.
    public var problems: [StoreProblem]
}

extension FileStore {
    /// Every thread's summary (participants included), from the index after checking it against every file.
    ///
    /// For commands that print the whole list: the check costs a `stat` per
    /// thread file, and only files that changed are read again. A file that
    /// cannot be read is reported in ``SummaryListing/problems`` and does not
    /// stop the others. A store whose index cannot be written is listed from
    /// an index built in memory.
    public func summaries(progress: ((Int, Int) -> Void)? = nil) throws -> SummaryListing {
        try listing(ThreadQuery(), progress: progress, check: true)
    }

    /// The summaries a query lists, answered by the index the way the browser's list is:
    /// `weft list --author` and the browser's `a` mean one thing.
    ///
    /// The index is trusted unless the store's directories changed since it was last brought up to date
    /// (every Weft writer, and any tool that adds, replaces or removes a file, changes them): then the
    /// files are checked. `check` checks every file's size and time first, catching a file edited in
    /// place (see docs/store-format.md, "When the index notices a change").
    public func listing(_ query: ThreadQuery, titleContaining text: String? = nil,
                        progress: ((Int, Int) -> Void)? = nil, check: Bool = false) throws -> SummaryListing {
        let index = try StoreIndex(store: self)
        if check { try index.syncRecordingStamp(self, progress: progress) } else { try index.syncIfDirectoriesChanged(self, progress: progress) }
        return SummaryListing(summaries: try index.listing(query, titleContaining: text), problems: try index.problems(in: self))
    }
}

extension StoreIndex {
    /// The full summaries of the threads a query lists, in its order, participants included;
    /// with `text`, only those whose title contains it (any case, any accents).
    public func listing(_ query: ThreadQuery, titleContaining text: String? = nil) throws -> [ThreadSummary] {
        try db.reading { try readListing(query, titleContaining: text) }
    }

    private func readListing(_ query: ThreadQuery, titleContaining text: String?) throws -> [ThreadSummary] {
        var keys = try threadRows(query).keys
        if let text, !text.isEmpty {
            let titled = try threads(titleContaining: text)
            keys = keys.filter(titled.contains)
        }
        let found = try summaries(keys)
        var participants: [Int64: [String: Int]] = [:]
        if keys.count > 2_000 {
            let wanted = Set(keys)
            let stmt = try db.prepare("SELECT thread, author, posts FROM participants")
            while try stmt.next() {
                let key = stmt.int64(0)
                if wanted.contains(key) { participants[key, default: [:]][stmt.string(1) ?? "", default: 0] += stmt.int(2) }
            }
        } else {
            let stmt = try db.cached("SELECT author, posts FROM participants WHERE thread = ?1")
            for key in keys {
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
        let stmt = try db.prepare("""
            SELECT authors.name, authors.posts, (SELECT count(DISTINCT thread) FROM participants WHERE participants.author_key = authors.author_key)
            FROM authors ORDER BY authors.posts DESC, authors.name
            """)
        var out: [(String, Int, Int)] = []
        while try stmt.next() { out.append((stmt.string(0) ?? "", stmt.int(1), stmt.int(2))) }
        return out
    }
}

extension FileStore {
    /// What went wrong with a thread file, for a problem report.
    static func reason(_ error: any Error) -> String {
        if case StoreError.corrupt(_, let reason) = error { return reason }
        return "\(error)"
    }
}
