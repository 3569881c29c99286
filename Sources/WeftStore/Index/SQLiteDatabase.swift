import CFTSRank
import CSQLite
import Foundation

/// A thin handle on the system SQLite (with FTS5), used for the store's derived index.
///
/// Direct C API rather than GRDB: the index needs a dozen statements, and the
/// direct API builds in seconds where GRDB adds a minute to every clean build.
final class SQLiteDatabase {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): \(message)" }
    }

    private var db: OpaquePointer?
    let path: String
    /// Prepared statements kept for reuse, by their SQL.
    private var statements: [String: Statement] = [:]

    init(path: String, readOnly: Bool = false) throws {
        self.path = path
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        guard sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            db = nil
            throw Failure(path: path, message: message)
        }
        sqlite3_busy_timeout(db, 5000)
    }

    /// Makes `weft_rank` and `weft_row_count` (see `fts_rank.h`) callable on this connection.
    func registerRanking() throws {
        guard weft_register_rank(db) == SQLITE_OK else { throw Failure(path: path, message: "cannot register weft_rank with FTS5") }
    }

    deinit {
        statements.removeAll()
        sqlite3_close(db)
    }

    /// A prepared statement kept for reuse; for statements run once per thread or post.
    func cached(_ sql: String) throws -> Statement {
        if let stmt = statements[sql] { return stmt }
        let stmt = try prepare(sql)
        statements[sql] = stmt
        return stmt
    }

    /// The rowid of the last row inserted on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(db) }

    /// Runs SQL with no results (several statements allowed).
    func exec(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw Failure(path: path, message: message)
        }
    }

    /// Prepares one statement.
    func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw Failure(path: path, message: String(cString: sqlite3_errmsg(db)))
        }
        return Statement(stmt: stmt, database: self)
    }

    /// Whether a transaction is open on this connection.
    var inTransaction: Bool { sqlite3_get_autocommit(db) == 0 }

    /// Runs `body` in a transaction, rolling back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try exec("COMMIT")
            return result
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in one read transaction: its statements share one snapshot and one shared lock,
    /// instead of taking and dropping the lock (two `fcntl` calls) per statement. Inside a transaction
    /// already, just runs it.
    func reading<T>(_ body: () throws -> T) throws -> T {
        guard !inTransaction else { return try body() }
        try exec("BEGIN DEFERRED")
        defer { try? exec("COMMIT") }
        return try body()
    }

    var lastError: String { String(cString: sqlite3_errmsg(db)) }

    /// One prepared statement.
    final class Statement {
        private let stmt: OpaquePointer
        private unowned let database: SQLiteDatabase

        init(stmt: OpaquePointer, database: SQLiteDatabase) {
            self.stmt = stmt
            self.database = database
        }

        deinit { sqlite3_finalize(stmt) }

        /// Binds values to ?1, ?2, … (text, integers, reals; nil binds NULL).
        @discardableResult
        func bind(_ values: [(any SQLiteBindable)?]) -> Statement {
            sqlite3_reset(stmt)
            if values.count < sqlite3_bind_parameter_count(stmt) { sqlite3_clear_bindings(stmt) }
            for (i, value) in values.enumerated() {
                let n = Int32(i + 1)
                if let value { value.bind(to: stmt, at: n) } else { sqlite3_bind_null(stmt, n) }
            }
            return self
        }

        /// Runs a statement that returns no rows.
        func run() throws {
            let rc = sqlite3_step(stmt)
            sqlite3_reset(stmt)
            guard rc == SQLITE_DONE || rc == SQLITE_ROW else {
                throw Failure(path: database.path, message: database.lastError)
            }
        }

        /// Steps to the next row; false at the end.
        func next() throws -> Bool {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_ROW { return true }
            sqlite3_reset(stmt)
            guard rc == SQLITE_DONE else { throw Failure(path: database.path, message: database.lastError) }
            return false
        }

        func string(_ column: Int32) -> String? {
            guard let p = sqlite3_column_text(stmt, column) else { return nil }
            return String(cString: p)
        }

        /// How many columns a row of the statement has.
        var columnCount: Int32 { sqlite3_column_count(stmt) }

        /// A text column's UTF-8 bytes, valid until the statement steps again (nil for NULL).
        func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard let p = sqlite3_column_text(stmt, column) else { return nil }
            return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, column)))
        }

        func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(stmt, column)) }
        func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(stmt, column) }
        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(stmt, column) == SQLITE_NULL }
        func double(_ column: Int32) -> Double? {
            sqlite3_column_type(stmt, column) == SQLITE_NULL ? nil : sqlite3_column_double(stmt, column)
        }
    }
}
