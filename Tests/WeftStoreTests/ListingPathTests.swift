import Foundation
import Testing
import WeftTestSupport
@testable import WeftModel
@testable import WeftStore

/// `weft list`'s summaries read the same whichever way the index is asked: a look-up per thread,
/// or one pass over the table when many threads are listed.
struct ListingPathTests {
    /// 5,000 threads: Ann posts in every one, Bob in 2,100 (two posts in some), Cy in 100.
    static let threads: [ForumThread] = (0..<5_000).map { i in
        var posts = [Post(id: "a\(i)", author: "Ann", date: Date(timeIntervalSince1970: Double(i) * 60), body: "x")]
        if i % 5 < 2 || i % 50 == 2 {
            posts.append(Post(id: "b\(i)", author: "Bob", date: Date(timeIntervalSince1970: Double(i) * 60 + 1), parent: "a\(i)", body: "y"))
            if i % 3 == 0 { posts.append(Post(id: "c\(i)", author: "bob", parent: "b\(i)", body: "z")) }
        }
        if i % 50 == 0 { posts.append(Post(id: "d\(i)", author: "Cy", parent: "a\(i)", body: "w")) }
        return ForumThread(id: "t\(i)", title: "Thread \(i)", posts: posts)
    }

    static let cases: [(author: String, threads: Int, scansThreads: Bool, scansParticipants: Bool)] = [
        ("Ann", 5_000, true, true),
        ("Bob", 2_100, true, false),
        ("Cy", 100, false, false),
    ]

    /// One store for every case: importing 5,000 threads takes a second or two.
    @Test func anAuthorsListingIsTheSameByLookUpsAndByAPassOverTheTable() throws {
        let s = try FileStore(root: temporaryDirectory("weft-listing").appendingPathComponent("s"), create: true)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let index = try StoreIndex(directory: s.indexDir)
        try ImportPipeline(store: s, index: index).merge(Self.threads)
        for (author, threads, scansThreads, scansParticipants) in Self.cases {
            try check(index, author: author, threads: threads, scansThreads: scansThreads, scansParticipants: scansParticipants)
        }
        // `weft authors`' thread counts, kept by the writes: Bob's two spellings are one author, once a thread.
        let counted = Dictionary(uniqueKeysWithValues: try index.authorsWithThreads().map { ($0.name, $0.threads) })
        #expect(counted == Dictionary(uniqueKeysWithValues: Self.cases.map { ($0.author, $0.threads) }))
        #expect(try index.checkInvariants() == [])
    }

    func check(_ index: StoreIndex, author: String, threads: Int, scansThreads: Bool, scansParticipants: Bool) throws {
        let listed = try index.listing(ThreadQuery(authors: [author]))
        #expect(listed.count == threads)
        #expect(StoreIndex.scanBeatsLookUps(listed.count, maxRow: try index.maxRow()) == scansThreads)
        #expect(StoreIndex.scanBeatsLookUps(listed.count, rowsPerThread: 8, maxRow: try index.maxRow()) == scansParticipants)
        let byId = Dictionary(uniqueKeysWithValues: Self.threads.map { ($0.id, $0) })
        for summary in listed {
            let thread = try #require(byId[summary.id])
            var expected: [String: Int] = [:]
            for post in thread.posts { expected[post.author ?? "", default: 0] += 1 }
            #expect(summary.participants == expected, "\(summary.id)")
            #expect(summary.postCount == thread.posts.count)
            #expect(summary.title == thread.title)
        }
        #expect(listed.map(\.lastDate) == listed.map(\.lastDate).sorted { ($0 ?? .distantPast) > ($1 ?? .distantPast) })
        // The rows `weft list` writes its text from hold what the summaries hold, in the same places.
        var rows: [ThreadSummary?] = []
        try index.eachListed(ThreadQuery(authors: [author]), count: { rows = Array(repeating: nil, count: $0) }) { k, row in
            #expect(rows[k] == nil, "place \(k) given twice")
            rows[k] = ThreadSummary(id: String(decoding: row.id, as: UTF8.self), title: String(decoding: row.title, as: UTF8.self),
                                    starter: row.starter.map { String(decoding: $0, as: UTF8.self) }, postCount: row.postCount,
                                    participants: [:], lastDate: row.lastDate, unreadCount: row.unreadCount)
        }
        #expect(rows.count == listed.count)
        for (row, summary) in zip(rows, listed) {
            #expect(row?.id == summary.id && row?.title == summary.title && row?.starter == summary.starter)
            #expect(row?.postCount == summary.postCount && row?.unreadCount == summary.unreadCount && row?.lastDate == summary.lastDate)
        }
    }
}
