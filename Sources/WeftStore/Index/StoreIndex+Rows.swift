import Foundation
import WeftModel

extension StoreIndex {
    /// One listed thread's columns as the index holds them, readable only inside the call that gives it.
    public struct ListedRow {
        /// The id, title and starter's UTF-8 bytes (empty for none; `starter` nil when unknown).
        public let id: UnsafeBufferPointer<UInt8>
        public let title: UnsafeBufferPointer<UInt8>
        public let starter: UnsafeBufferPointer<UInt8>?
        public let postCount: Int
        public let unreadCount: Int
        public let lastDate: Date?
    }

    /// The threads a query lists (with `text`, only those whose title contains it), without
    /// participants, as rows read in place: `count` first gets how many there are, then `body` each
    /// row with its place in the listing's order.
    ///
    /// Rows come in the table's order when many are listed (one pass over the table), so the caller
    /// puts them in order. Making a ``ThreadSummary`` for each of 100,000 threads, and copying them
    /// into order, was most of `weft list`.
    public func eachListed(_ query: ThreadQuery, titleContaining text: String? = nil, count: (Int) -> Void,
                           _ body: (Int, ListedRow) throws -> Void) throws {
        try db.reading {
            let keys = try listedKeys(query, titleContaining: text)
            count(keys.count)
            let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            try eachThreadRow(keys, columns: "id, title, starter, post_count, read, last") { k, stmt in
                let posts = stmt.int(3)
                try body(k, ListedRow(id: stmt.text(0) ?? empty, title: stmt.text(1) ?? empty, starter: stmt.text(2), postCount: posts,
                                      unreadCount: max(0, posts - stmt.int(4)), lastDate: stmt.double(5).map(Date.init(timeIntervalSince1970:))))
            }
        }
    }
}
