import Foundation
import Testing
import WeftTestSupport
@testable import WeftModel
@testable import WeftStore

/// `weft_rank` against FTS5's own bm25: the same order whenever every phrase of the query is
/// under the ranking window (its weight is then exact), and a sensible one over it.
struct SearchRankingTests {
    /// Posts of different lengths, with words at different frequencies: "flood" in most,
    /// "levee" in a third, "sandbag" in a few, repeated in some.
    static let posts: [Post] = (0..<60).map { i in
        var words = ["flood"]
        if i % 3 == 0 { words.append("levee") }
        if i % 11 == 0 { words += ["sandbag", "sandbag"] }
        if i % 7 == 0 { words.append("levee near the river") }
        if i % 5 == 0 { words += Array(repeating: "rain", count: i % 4 + 1) }
        if i % 2 == 0 { words.append("flood") }
        words += Array(repeating: "filler", count: i % 9)
        return Post(id: "p\(i)", author: i % 2 == 0 ? "ann" : "bob", body: words.joined(separator: " "))
    }

    static let queries = ["flood", "levee", "sandbag", "flood levee", "levee sandbag", "flood rain",
                          "\"levee near\"", "\"levee near\" flood", "rain sandbag flood"]

    func index() throws -> (StoreIndex, URL) {
        let s = try FileStore(root: temporaryDirectory("weft-rank").appendingPathComponent("s"), create: true)
        try ImportPipeline(store: s).merge([ForumThread(id: "f", title: "Floods", posts: Self.posts)])
        let index = try StoreIndex(directory: s.indexDir)
        try IndexedStore(s, index: index).sync()
        return (index, s.root.deletingLastPathComponent())
    }

    /// FTS5's bm25 of every post matching `query`, by post id.
    func bm25(_ index: StoreIndex, _ query: String) throws -> [String: Double] {
        let stmt = try index.db.prepare("""
            SELECT posts.post, bm25(post_text) FROM text.post_text JOIN posts ON posts.row = post_text.rowid
            WHERE post_text MATCH ?1
            """).bind([StoreIndex.ftsTerms(query).joined(separator: " ")])
        var out: [String: Double] = [:]
        while try stmt.next() { out[stmt.string(0) ?? ""] = stmt.double(1) }
        return out
    }

    @Test("under the window, search ranks as FTS5's bm25 does", arguments: queries)
    func underTheWindowSearchRanksAsBM25(query: String) throws {
        let (index, dir) = try index()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scores = try bm25(index, query)
        let hits = try index.search(query, limit: 100).map(\.post)
        #expect(!hits.isEmpty)
        #expect(Set(hits) == Set(scores.keys))
        let ranked = hits.compactMap { scores[$0] }
        // Best (most negative) first; ties may come in any order.
        for (a, b) in zip(ranked, ranked.dropFirst()) { #expect(a <= b + 1e-9, "\(query): \(hits)") }
    }

    @Test func aWeightOverTheWindowIsEstimatedFromHowFarBackItsMatchesReach() throws {
        let (index, dir) = try index()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exact = try index.inverseFrequency(of: "\"flood\"", window: 100)
        let estimated = try index.inverseFrequency(of: "\"flood\"", window: 10)
        #expect(exact == 1e-6)  // in every post: bm25's floor
        #expect(estimated == 1e-6)
        let levee = try index.inverseFrequency(of: "\"levee\"", window: 100)
        #expect(abs(levee - log((60 - 26 + 0.5) / (26 + 0.5))) < 1e-9)  // 20 by 3, 9 by 7, 3 by both: 26
        let leveeEstimated = try index.inverseFrequency(of: "\"levee\"", window: 6)
        #expect(abs(leveeEstimated - levee) < 0.5)
        // Over the window, a query still finds the newest matches and ranks them.
        #expect(try index.search("flood levee", limit: 100, window: 6).count == 6)
    }
}
