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
        let index = try StoreIndex(store: self)
        try index.sync(self, progress: progress)
        return SummaryListing(summaries: try index.listing(ThreadQuery()), problems: try index.problems(in: self))
    }
}

extension StoreIndex {
    /// The full summaries of the threads a query lists, in its order, participants included.
    public func listing(_ query: ThreadQuery) throws -> [ThreadSummary] {
        let keys = try threadRows(query).keys
        let found = try summaries(keys)
        var participants: [Int64: [String: Int]] = [:]
        let stmt = try db.prepare("SELECT thread, author, posts FROM participants")
        while try stmt.next() { participants[stmt.int64(0), default: [:]][stmt.string(1) ?? "", default: 0] += stmt.int(2) }
        return keys.compactMap { key in
            guard var s = found[key] else { return nil }
            s.participants = participants[key] ?? [:]
            return s
        }
    }
}

extension FileStore {
    /// What went wrong with a thread file, for a problem report.
    static func reason(_ error: any Error) -> String {
        if case StoreError.corrupt(_, let reason) = error { return reason }
        return "\(error)"
    }
}
