import Foundation
import WeftModel

/// One post found by a store-wide search.
public struct SearchHit: Equatable, Sendable {
    public var thread: String
    public var title: String
    public var post: String
    public var author: String
    public var date: Date?
    /// The matching passage, matched words between `[` and `]`.
    public var snippet: String
}

extension StoreIndex {
    /// Posts matching `query` (words must all appear; "quoted words" form a phrase), best first.
    public func search(_ query: String, authors: [String] = [], limit: Int = 50) throws -> [SearchHit] {
        let match = StoreIndex.ftsQuery(query)
        guard !match.isEmpty else { return [] }
        var sql = """
            SELECT threads.id, threads.title, posts.post, posts.author, posts.date,
                   snippet(post_text, 0, '[', ']', '…', 16)
            FROM post_text JOIN posts ON posts.row = post_text.rowid JOIN threads ON threads.row = posts.thread
            WHERE post_text MATCH ?1
            """
        var binds: [Any?] = [match]
        if !authors.isEmpty {
            sql += " AND posts.author_key IN (" + authors.indices.map { "?\($0 + 2)" }.joined(separator: ",") + ")"
            binds += authors.map { ThreadQuery.authorKey($0) }
        }
        sql += " ORDER BY bm25(post_text) LIMIT \(max(1, limit))"
        let stmt = try db.prepare(sql).bind(binds)
        var hits: [SearchHit] = []
        while try stmt.next() {
            hits.append(SearchHit(thread: stmt.string(0) ?? "", title: stmt.string(1) ?? "", post: stmt.string(2) ?? "",
                                  author: stmt.string(3) ?? "", date: stmt.double(4).map(Date.init(timeIntervalSince1970:)),
                                  snippet: stmt.string(5) ?? ""))
        }
        return hits
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
