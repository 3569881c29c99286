import Foundation
import WeftModel

extension StoreIndex {
    /// How many matching posts are ranked when every word of a query is common (see ``search(_:authors:limit:)``).
    public static let rankingWindow = 20_000

    /// Posts matching `query` (words must all appear; "quoted words" form a phrase), best first.
    ///
    /// Posts are ranked by bm25's formula (`weft_rank`, see `Sources/CFTSRank`). When more than
    /// ``rankingWindow`` posts match, every word of the query is in that many and says little
    /// about relevance: the best matches are taken from the newest ``rankingWindow`` matching
    /// posts, so a search for a word in nearly every post of a million still answers at once.
    public func search(_ query: String, authors: [String] = [], limit: Int = 50,
                       window: Int = StoreIndex.rankingWindow) throws -> [SearchHit] {
        let terms = StoreIndex.ftsTerms(query)
        guard !terms.isEmpty else { return [] }
        let match = terms.joined(separator: " ")
        var binds: [(any SQLiteBindable)?] = [match]
        let authorSQL = authors.isEmpty ? "" : " AND posts." + (try authorCondition(ThreadQuery(authors: authors), &binds))
        // The best posts first, by row alone, ranked among the newest `window` matches: one pass over
        // the matches, newest first, stopping at the window (a phrase of two common words used to be
        // matched twice, once to find where the window starts). A snippet and two joins per match cost
        // more than the ranking (58 ms against 27 for a word in 39,000 of 1M posts), so they are made
        // for the posts shown only. FTS5's own bm25 matched each phrase against every row once more
        // to weigh it, which for one phrase changes no order; with several, each is weighed from its
        // own newest matches (``inverseFrequency(of:window:)``).
        let weights = terms.count > 1 ? try terms.map { try inverseFrequency(of: $0, window: window) } : []
        let rank = "weft_rank(post_text" + weights.map { ", " + String($0) }.joined() + ")"
        let join = authors.isEmpty ? "" : " JOIN posts ON posts.row = post_text.rowid"
        let ranked = try db.prepare("""
            SELECT rowid FROM (SELECT post_text.rowid AS rowid, \(rank) AS score FROM text.post_text\(join)
                               WHERE post_text MATCH ?1\(authorSQL) ORDER BY post_text.rowid DESC LIMIT \(max(1, window)))
            ORDER BY score LIMIT \(max(1, limit))
            """).bind(binds)
        var order: [Int64] = []
        while try ranked.next() { order.append(ranked.int64(0)) }
        guard !order.isEmpty else { return [] }
        let stmt = try db.prepare("""
            SELECT post_text.rowid, threads.id, threads.title, posts.post, posts.author, posts.date,
                   snippet(post_text, 0, '[', ']', '…', 16)
            FROM text.post_text JOIN posts ON posts.row = post_text.rowid JOIN threads ON threads.row = posts.thread
            WHERE post_text MATCH ?1 AND post_text.rowid IN (\(order.map(String.init).joined(separator: ",")))
            """).bind([match])
        var byRow: [Int64: SearchHit] = [:]
        while try stmt.next() {
            byRow[stmt.int64(0)] = SearchHit(thread: stmt.string(1) ?? "", title: stmt.string(2) ?? "", post: stmt.string(3) ?? "",
                                             author: stmt.string(4) ?? "", date: stmt.double(5).map(Date.init(timeIntervalSince1970:)),
                                             snippet: stmt.string(6) ?? "")
        }
        let hits = order.compactMap { byRow[$0] }
        return hits
    }

    /// A user's words as FTS5 phrases, all required: each word quoted (so no operator can be
    /// injected); text in double quotes stays one phrase.
    static func ftsTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var phrase: String?
        var word = ""
        func flushWord() {
            if !word.isEmpty { terms.append("\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"") }
            word = ""
        }
        for c in text {
            if c == "\"" {
                if let p = phrase {
                    if !p.trimmingCharacters(in: .whitespaces).isEmpty { terms.append("\"" + p + "\"") }
                    phrase = nil
                } else {
                    flushWord()
                    phrase = ""
                }
            } else if phrase != nil {
                phrase!.append(c)
            } else if c.isWhitespace {
                flushWord()
            } else {
                word.append(c)
            }
        }
        if let p = phrase { word = p }
        flushWord()
        return terms
    }

    /// bm25's weight of one phrase, `log((N - n + 0.5) / (n + 0.5))` for `n` of `N` posts holding it,
    /// from at most `window` of its matches.
    ///
    /// Under the window `n` is exact (as FTS5's bm25 counts it). Over it, `n` is estimated from how
    /// far back the newest `window` matches reach: a word in 20,000 of the newest 25,000 posts is in
    /// about 80% of all. That keeps a common word from costing a pass over every post holding it.
    func inverseFrequency(of phrase: String, window: Int) throws -> Double {
        let stmt = try db.prepare("""
            SELECT post_text.rowid, weft_row_count(post_text) FROM text.post_text
            WHERE post_text MATCH ?1 ORDER BY post_text.rowid DESC LIMIT \(max(1, window))
            """).bind([phrase])
        var count = 0
        var newest: Int64 = 0
        var oldest: Int64 = 0
        var rows = 0.0
        while try stmt.next() {
            if count == 0 { newest = stmt.int64(0); rows = Double(stmt.int64(1)) }
            oldest = stmt.int64(0)
            count += 1
        }
        var n = Double(count)
        if count >= window {
            let last = try db.prepare("SELECT max(rowid) FROM text.post_text")
            let top = try last.next() ? last.int64(0) : newest
            n = min(rows, n * rows / Double(max(1, top - oldest + 1)))
        }
        let idf = log((rows - n + 0.5) / (n + 0.5))
        return idf > 0 ? idf : 1e-6
    }
}
