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
            var keys = try threadRows(query).keys
            if let text, !text.isEmpty {
                let titled = try threads(titleContaining: text)
                keys = keys.filter(titled.contains)
            }
            count(keys.count)
            let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            func row(_ stmt: SQLiteDatabase.Statement) -> ListedRow {
                let posts = stmt.int(3)
                return ListedRow(id: stmt.text(0) ?? empty, title: stmt.text(1) ?? empty, starter: stmt.text(2), postCount: posts,
                                 unreadCount: max(0, posts - stmt.int(4)), lastDate: stmt.double(5).map(Date.init(timeIntervalSince1970:)))
            }
            if let places = try scanPlaces(keys) {
                let stmt = try db.prepare("SELECT id, title, starter, post_count, read, last, row FROM threads")
                while try stmt.next() {
                    if let k = places.place(of: stmt.int64(6)) { try body(k, row(stmt)) }
                }
                return
            }
            let stmt = try db.cached("SELECT id, title, starter, post_count, read, last FROM threads WHERE row = ?1")
            for (k, key) in keys.enumerated() {
                stmt.bind([key])
                guard try stmt.next() else { continue }
                try body(k, row(stmt))
                _ = try? stmt.next()
            }
        }
    }
}
