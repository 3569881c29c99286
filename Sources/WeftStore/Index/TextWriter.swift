import Foundation

/// Writes the index's words (`index/text.sqlite`) on a connection of its own, for an import.
///
/// FTS5 is the slowest part of indexing a large import. With the words in
/// their own database file, one thread records threads and posts in
/// `weft.sqlite` while another adds the words of the batch before: two
/// writers, two files, two cores. Made by ``StoreIndex/beginBulk()``, which
/// marks the words incomplete until ``finish(succeeded:)`` says otherwise.
public final class TextWriter {
    let db: SQLiteDatabase

    init(path: String) throws {
        db = try SQLiteDatabase(path: path)
        try db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
        try db.exec("PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=16384;")
    }

    /// Applies one batch's changes; with `commit` false the transaction stays open for the next batch.
    public func apply(_ changes: TextChanges, commit: Bool) throws {
        if !db.inTransaction { try db.exec("BEGIN IMMEDIATE") }
        do {
            try changes.apply(to: db, schema: "main")
            if commit { try db.exec("COMMIT") }
        } catch {
            try? db.exec("ROLLBACK")
            throw error
        }
    }

    /// Ends the import's writing: commits and marks the words complete, or (after a failure on either
    /// side) rolls back and leaves them marked incomplete, so they are rebuilt.
    func finish(succeeded: Bool) throws {
        guard succeeded else {
            if db.inTransaction { try db.exec("ROLLBACK") }
            return
        }
        if db.inTransaction { try db.exec("COMMIT") }
        try db.exec("INSERT OR REPLACE INTO meta(key, value) VALUES ('complete', 1)")
    }
}
