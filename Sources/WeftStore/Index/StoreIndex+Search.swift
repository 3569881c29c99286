import Foundation
import WeftModel

extension StoreIndex {
    /// How many matching posts are ranked when every word of a query is common (see ``search(_:authors:limit:)``).
    public static let rankingWindow = 20_000

    /// Posts matching `query` (words must all appear; "quoted words" form a phrase), best first.
    ///
    /// Ranking (bm25) costs a little for every matching post. When even the
    /// rarest word of the query is in more than ``rankingWindow`` posts, such
    /// a word says little about relevance, and the best matches are taken from
    /// the newest ``rankingWindow`` matching posts, so a search for a word in
    /// nearly every post of a million still answers at once.
    public func search(_ query: String, authors: [String] = [], limit: Int = 50,
                       window: Int = StoreIndex.rankingWindow) throws -> [SearchHit] {
        let match = StoreIndex.ftsQuery(query)
        guard !match.isEmpty else { return [] }
        var binds: [(any SQLiteBindable)?] = [match]
        let authorSQL = authors.isEmpty ? "" : " AND posts." + authorCondition(ThreadQuery(authors: authors), &binds)
        var windowSQL = ""
        if try rarestTermCount(query) > window {
            let cut = try db.prepare("""
                SELECT post_text.rowid FROM text.post_text JOIN posts ON posts.row = post_text.rowid
                WHERE post_text MATCH ?1\(authorSQL) ORDER BY post_text.rowid DESC LIMIT 1 OFFSET \(max(0, window - 1))
                """).bind(binds)
            if try cut.next() { windowSQL = " AND post_text.rowid >= \(cut.int64(0))" }
        }
        var sql = """
            SELECT threads.id, threads.title, posts.post, posts.author, posts.date,
                   snippet(post_text, 0, '[', ']', '…', 16)
            FROM text.post_text JOIN posts ON posts.row = post_text.rowid JOIN threads ON threads.row = posts.thread
            WHERE post_text MATCH ?1
            """
        sql += authorSQL + windowSQL + " ORDER BY bm25(post_text) LIMIT \(max(1, limit))"
        let stmt = try db.prepare(sql).bind(binds)
        var hits: [SearchHit] = []
        while try stmt.next() {
            hits.append(SearchHit(thread: stmt.string(0) ?? "", title: stmt.string(1) ?? "", post: stmt.string(2) ?? "",
                                  author: stmt.string(3) ?? "", date: stmt.double(4).map(Date.init(timeIntervalSince1970:)),
                                  snippet: stmt.string(5) ?? ""))
        }
        return hits
    }

    /// In how many posts the query's rarest word appears (0 when one appears nowhere).
    func rarestTermCount(_ query: String) throws -> Int {
        // The tokenizer's view of the words: letters and digits, lower case, accents removed.
        let folded = query.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return 0 }
        let stmt = try db.cached("SELECT doc FROM text.post_vocab WHERE term = ?1")
        var rarest = Int.max
        for word in Set(words) {
            stmt.bind([word])
            let count = try stmt.next() ? stmt.int(0) : 0
            _ = try? stmt.next()
            rarest = min(rarest, count)
        }
        return rarest
    }

    /// A user's words as an FTS5 query: each word quoted (so no operator can be injected), all required;
    /// text in double quotes stays a phrase.
    static func ftsQuery(_ text: String) -> String {
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
        return terms.joined(separator: " ")
    }
}
