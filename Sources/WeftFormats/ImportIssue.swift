/// Something an import could not take as it was, naming the file and where.
public struct ImportIssue: Equatable, Sendable, CustomStringConvertible {
    /// The file (or "-").
    public var source: String
    /// Where: "line 12", "byte 4096", "message 3 (line 120)", a JSON key path.
    public var position: String?
    /// What was wrong.
    public var reason: String
    /// True when the item was left out; false when it was imported with a repair.
    public var skipped: Bool
    /// True for a file a directory walk passed over because it is not a discussion
    /// format (a README, say); it does not make the import fail.
    public var ignored: Bool

    public init(source: String, position: String?, reason: String, skipped: Bool, ignored: Bool = false) {
        self.source = source
        self.position = position
        self.reason = reason
        self.skipped = skipped
        self.ignored = ignored
    }

    public var description: String {
        [source, position, reason].compactMap { $0 }.joined(separator: ": ")
    }
}

/// What reading one input gave: threads, and the issues met on the way.
public struct ImportBatch: Sendable {
    /// The threads read.
    public var threads: [ForumThread]
    /// Items skipped or repaired.
    public var issues: [ImportIssue]

    public init(threads: [ForumThread] = [], issues: [ImportIssue] = []) {
        self.threads = threads
        self.issues = issues
    }
}

import WeftModel
