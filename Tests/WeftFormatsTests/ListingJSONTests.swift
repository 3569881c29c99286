import Foundation
import Testing
@testable import WeftFormats
import WeftModel

/// `weft list --json` is written by hand; it must be the encoder's bytes exactly.
struct ListingJSONTests {
    static let awkward = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"q\" back\\slash a/b café 😀 \u{2028}"

    static let cases: [(String, [ThreadSummary], [(path: String, reason: String)])] = [
        ("empty", [], []),
        ("every field, and awkward text", [
            ThreadSummary(id: awkward, title: awkward, forum: awkward, starter: awkward, postCount: 3,
                          participants: [awkward: 2, "b": 1], firstDate: Date(timeIntervalSince1970: 0),
                          lastDate: Date(timeIntervalSince1970: 1_700_000_000), unreadCount: 1),
            ThreadSummary(id: "2", title: "no dates, no starter, no one", postCount: 0, participants: [:], unreadCount: 0),
        ], [(path: awkward, reason: "broken"), (path: "/b", reason: awkward)]),
    ]

    @Test("the hand-written listing is the encoder's", arguments: cases)
    func sameAsTheEncoder(what: String, summaries: [ThreadSummary], problems: [(path: String, reason: String)]) throws {
        let written = try ListingJSON.list(store: "/s/" + Self.awkward, summaries: summaries, problems: problems)
        let threads = summaries.map { s in
            ListingJSON.ThreadEntry(id: s.id, title: s.title, forum: s.forum, starter: s.starter, posts: s.postCount,
                                    unread: s.unreadCount, first: s.firstDate.map(DateText.iso8601), last: s.lastDate.map(DateText.iso8601),
                                    participants: ListingJSON.ranked(s.participants).map { ListingJSON.AuthorEntry(name: $0.0, posts: $0.1) })
        }
        let encoded = try ListingJSON.encode(ListingJSON.ListOutput(
            store: "/s/" + Self.awkward, threads: threads, problems: problems.map { ListingJSON.ProblemEntry(path: $0.path, reason: $0.reason) }))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: encoded, as: UTF8.self), "\(what)")
    }
}
