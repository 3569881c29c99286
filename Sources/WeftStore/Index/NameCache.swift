import WeftModel

/// Strings for a text column that repeats few values, each made once: the author names of a pass
/// over `participants` (848,000 rows and 300 names at a million posts).
///
/// Found by a hash of the column's bytes and checked byte for byte, so no string is made to look
/// one up. By hand because the standard library's dictionaries need a key made first.
struct NameCache {
    private var byHash: [UInt64: String] = [:]

    /// The column's text (empty for NULL), the same string as last time for the same bytes.
    mutating func name(_ stmt: SQLiteDatabase.Statement, column: Int32) -> String {
        guard let bytes = stmt.text(column) else { return "" }
        let h = StableHash.bytes(bytes)
        if let known = byHash[h], known.utf8.elementsEqual(bytes) { return known }
        let made = String(decoding: bytes, as: UTF8.self)
        byHash[h] = made
        return made
    }
}
