import Foundation
import WeftCodec
import WeftModel

extension ListingJSON {
    /// `weft list --json` written by hand, the bytes the encoder writes.
    ///
    /// At a million posts an author can be in 50,000 threads: Foundation's encoder took half of the
    /// command's time, and making a ``ThreadEntry`` for each before writing it a tenth more. A test
    /// compares the bytes with the encoder's on awkward text.
    ///
    /// The bytes go to `sink` a megabyte at a time: the 50 MB of such a listing, made whole and then
    /// copied into `Data`, cost a third of the command in page faults and copying.
    static func writeList(store: String, summaries threads: [ThreadSummary], problems: [ProblemEntry],
                          to sink: ([UInt8]) -> Void) {
        var j = JSONBytes(capacity: (1 << 20) + (1 << 16))
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
            if let first = t.firstDate { j.raw("      \"first\" : "); j.string(DateText.iso8601(first)); j.raw(",\n") }
            if let forum = t.forum { j.raw("      \"forum\" : "); j.string(forum); j.raw(",\n") }
            j.raw("      \"id\" : "); j.string(t.id)
            if let last = t.lastDate { j.raw(",\n      \"last\" : "); j.string(DateText.iso8601(last)) }
            j.raw(",\n      \"participants\" : [\n")
            let participants = ranked(t.participants)
            for (n, a) in participants.enumerated() {
                j.raw(n == 0 ? "        {\n          \"name\" : " : ",\n        {\n          \"name\" : ")
                j.string(a.0)
                j.raw(",\n          \"posts\" : ")
                j.int(a.1)
                j.raw("\n        }")
            }
            j.raw(participants.isEmpty ? "\n      ],\n      \"posts\" : " : "\n      ],\n      \"posts\" : ")
            j.int(t.postCount)
            if let starter = t.starter { j.raw(",\n      \"starter\" : "); j.string(starter) }
            j.raw(",\n      \"title\" : "); j.string(t.title)
            j.raw(",\n      \"unread\" : "); j.int(t.unreadCount)
            j.raw("\n    }")
            if j.bytes.count >= 1 << 20 {
                sink(j.bytes)
                j.removeAll()
            }
        }
        j.raw("\n  ],\n  \"version\" : 1\n}\n")
        sink(j.bytes)
    }
}
