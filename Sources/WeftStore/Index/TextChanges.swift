/// Changes to the index's full-text table, in the order they were made.
///
/// Order matters: a thread recorded again gives up its post rows and may take
/// the same numbers back, so a removal must run before the additions after it.
public struct TextChanges: Sendable {
    /// One change.
    enum Change: Sendable {
        /// The words of the posts with these rows go.
        case remove(Range<Int64>)
        /// A post's own words, under its row.
        case add(row: Int64, text: String)
    }

    var list: [Change] = []

    /// Runs the changes on `db`, whose full-text table is in `schema` ("main" or an attached "text").
    func apply(to db: SQLiteDatabase, schema: String) throws {
        for change in list { try change.apply(to: db, schema: schema) }
    }
}

extension TextChanges.Change {
    func apply(to db: SQLiteDatabase, schema: String) throws {
        switch self {
        case .remove(let rows):
            try db.cached("DELETE FROM \(schema).post_text WHERE rowid >= ?1 AND rowid < ?2")
                .bind([rows.lowerBound, rows.upperBound]).run()
        case .add(let row, let text):
            try db.cached("INSERT OR REPLACE INTO \(schema).post_text(rowid, body) VALUES (?1, ?2)").bind([row, text]).run()
        }
    }
}
