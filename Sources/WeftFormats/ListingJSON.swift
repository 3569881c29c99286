import Foundation
import WeftModel
import WeftCodec

/// The stable `--json` output of `weft list` and `weft authors` (documented in `docs/cli-json.md`).
public enum ListingJSON {
    /// One thread in `weft list --json`: the encoder's shape, which the hand-written bytes are tested against.
    struct ThreadEntry: Encodable {
        var id: String
        var title: String
        var forum: String?
        var starter: String?
        var posts: Int
        var unread: Int
        var first: String?
        var last: String?
        var participants: [AuthorEntry]
    }

    /// One author and a count.
    struct AuthorEntry: Encodable {
        var name: String
        var posts: Int
        var threads: Int?
    }

    struct ProblemEntry: Encodable {
        var path: String
        var reason: String
    }

    struct ListOutput: Encodable {
        var version = 1
        var store: String
        var threads: [ThreadEntry]
        var problems: [ProblemEntry]
    }

    struct AuthorsOutput: Encodable {
        var version = 1
        var thread: String?
        var authors: [AuthorEntry]
    }

    /// `weft list --json`.
    public static func list(store: String, summaries: [ThreadSummary], problems: [(path: String, reason: String)]) throws -> Data {
        var data = Data()
        write(store: store, summaries: summaries, problems: problems) { data.append(contentsOf: $0) }
        return data
    }

    /// `weft list --json`, given to `sink` a chunk at a time.
    public static func write(store: String, summaries: [ThreadSummary], problems: [(path: String, reason: String)],
                             to sink: ([UInt8]) -> Void) {
        writeList(store: store, summaries: summaries, problems: problems.map { ProblemEntry(path: $0.path, reason: $0.reason) }, to: sink)
    }

    /// `weft authors --json`: authors with post counts and, store-wide, thread counts.
    public static func authors(thread: String?, counts: [(name: String, posts: Int, threads: Int?)]) throws -> Data {
        try encode(AuthorsOutput(thread: thread, authors: counts.map { AuthorEntry(name: $0.name, posts: $0.posts, threads: $0.threads) }))
    }

    /// Name-count pairs, most first, then by name.
    public static func ranked(_ counts: [String: Int]) -> [(String, Int)] {
        counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONFormatting.encoder()
        return try encoder.encode(value) + Data("\n".utf8)
    }
}
