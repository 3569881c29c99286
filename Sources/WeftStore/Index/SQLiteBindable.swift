import CSQLite

/// A value a statement parameter can take: text, an integer, a real, or NULL (an optional that is nil).
///
/// A protocol rather than `Any`: binding then dispatches through a witness
/// table instead of trying a dynamic cast per type, which showed up as a
/// sixth of the index's time on a million-post import.
protocol SQLiteBindable {
    /// Binds the value to parameter `index` (1-based) of `stmt`.
    func bind(to stmt: OpaquePointer, at index: Int32)
}

extension String: SQLiteBindable {
    func bind(to stmt: OpaquePointer, at index: Int32) {
        var text = self
        text.withUTF8 { utf8 in
            // The pointer is only valid in this closure: SQLite copies the bytes (SQLITE_TRANSIENT).
            // An empty string still needs a pointer: a null one would bind NULL.
            utf8.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    _ = sqlite3_bind_text(stmt, index, base, Int32(chars.count), weft_sqlite_transient())
                } else {
                    _ = sqlite3_bind_text(stmt, index, "", 0, weft_sqlite_transient())
                }
            }
        }
    }
}

extension Int: SQLiteBindable {
    func bind(to stmt: OpaquePointer, at index: Int32) { sqlite3_bind_int64(stmt, index, sqlite3_int64(self)) }
}

extension Int64: SQLiteBindable {
    func bind(to stmt: OpaquePointer, at index: Int32) { sqlite3_bind_int64(stmt, index, self) }
}

extension Double: SQLiteBindable {
    func bind(to stmt: OpaquePointer, at index: Int32) { sqlite3_bind_double(stmt, index, self) }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    func bind(to stmt: OpaquePointer, at index: Int32) {
        switch self {
        case .some(let value): value.bind(to: stmt, at: index)
        case .none: sqlite3_bind_null(stmt, index)
        }
    }
}
