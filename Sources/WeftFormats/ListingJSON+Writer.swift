import Foundation
import WeftCodec
import WeftModel

extension ListingJSON {
    /// `weft list --json` written by hand, the bytes the encoder writes: at a million posts an author
    /// can be in 50,000 threads, and Foundation's encoder took half of the command's time.
    /// A test compares the two on awkward text.
    static func listBytes(store: String, threads: [ThreadEntry], problems: [ProblemEntry]) -> Data {
        var j = JSONBytes(capacity: 256 + threads.count * 256)
        j.raw("{\n  \"problems\" : [\n")
        for (k, p) in problems.enumerated() {
            j.raw(k == 0 ? "    {\n      \"path\" : " : ",\n    {\n      \"path\" : ")
            j.string(p.path)
            j.raw(",\n      \"reason\" : ")
            j.string(p.reason)
            j.raw("\n    }")
        }
        j.raw(problems.isEmpty ? "\n  ],\n  \"store\" : " : "\n  ],\n  \"store\" : ")
        j.string(store)
        j.raw(",\n  \"threads\" : [\n")
        for (k, t) in threads.enumerated() {
            j.raw(k == 0 ? "    {\n" : ",\n    {\n")
            if let first = t.first { j.raw("      \"first\" : "); j.string(first); j.raw(",\n") }
            if let forum = t.forum { j.raw("      \"forum\" : "); j.string(forum); j.raw(",\n") }
            j.raw("      \"id\" : "); j.string(t.id)
            if let last = t.last { j.raw(",\n      \"last\" : "); j.string(last) }
            j.raw(",\n      \"participants\" : [\n")
            for (n, a) in t.participants.enumerated() {
                j.raw(n == 0 ? "        {\n          \"name\" : " : ",\n        {\n          \"name\" : ")
                j.string(a.name)
                j.raw(",\n          \"posts\" : ")
                j.int(a.posts)
                if let threads = a.threads { j.raw(",\n          \"threads\" : "); j.int(threads) }
                j.raw("\n        }")
            }
            j.raw(t.participants.isEmpty ? "\n      ],\n      \"posts\" : " : "\n      ],\n      \"posts\" : ")
            j.int(t.posts)
            if let starter = t.starter { j.raw(",\n      \"starter\" : "); j.string(starter) }
            j.raw(",\n      \"title\" : "); j.string(t.title)
            j.raw(",\n      \"unread\" : "); j.int(t.unread)
            j.raw("\n    }")
        }
        j.raw("\n  ],\n  \"version\" : 1\n}\n")
        return Data(j.bytes)
    }
}
