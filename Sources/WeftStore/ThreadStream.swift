import WeftModel

/// Threads to write, made a few at a time as the writer reaches them.
///
/// An import of a million messages decides every thread before it writes any, but holds the posts of
/// only the threads being written: ``ImportPipeline/merge(_:rethreaded:progress:)`` asks for them a
/// slice at a time. Their ids must be distinct: ``init(pieces:)`` merges the pieces of one thread first.
public struct ThreadStream {
    /// How many threads there are.
    public let count: Int
    private let make: (Range<Int>) throws -> [ForumThread]

    /// Threads made by `make`, a range of them at a time.
    public init(count: Int, make: @escaping (Range<Int>) throws -> [ForumThread]) {
        self.count = count
        self.make = make
    }

    /// Threads already made, pieces of one thread (a topic's post objects, a thread's pages, from
    /// many files) merged into the first, so that ids are distinct.
    public init(pieces: [ForumThread]) {
        self.init(FileStore.coalesced(pieces))
    }

    /// Threads already made, with distinct ids.
    public init(_ threads: [ForumThread]) {
        self.init(count: threads.count) { Array(threads[$0]) }
    }

    /// Threads `range`, made.
    public func threads(_ range: Range<Int>) throws -> [ForumThread] { try make(range) }

    /// Every thread, made.
    public func all() throws -> [ForumThread] { try make(0..<count) }

    /// The same threads, each changed by `change` when made.
    public func map(_ change: @escaping (ForumThread) -> ForumThread) -> ThreadStream {
        let make = self.make
        return ThreadStream(count: count) { try make($0).map(change) }
    }
}
