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
    /// What went wrong with a thread file, for a problem report.
    static func reason(_ error: any Error) -> String {
        if case StoreError.corrupt(_, let reason) = error { return reason }
        return "\(error)"
    }
}
