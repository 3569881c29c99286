import Foundation
import WeftModel

/// The store's derived index: `index/weft.sqlite` and `index/text.sqlite` (SQLite with FTS5, in WAL mode).
///
/// The thread files stay the truth. The index holds what the browser needs
/// without reading them: one row per thread for the list (sortable and
/// filterable in SQL), who posted where, read counts, and every post's own
/// words for full-text search. It can be deleted at any time; ``IndexedStore/sync(progress:)``
/// compares each thread and read file's size and modification time with what
/// it indexed and re-reads only what changed, so a file edited by hand is
/// noticed. WAL mode lets a browser read while an import writes.
///
/// The words (the FTS5 table) are a second database file, attached as `text`, so that an
/// import can write them on a connection and a thread of their own while the thread list is
/// written (see ``TextWriter``). Its `meta.complete` is 0 while an import writes it; an import
/// that died leaves it so, and the next process to open the index with the store unlocked rebuilds it.
///
/// A store whose `index/` cannot be written (a read-only copy) gets an index
/// in memory instead, built from the files when opened.
public final class StoreIndex {
    /// The schema this code writes; an index with another version is rebuilt.
    static let schemaVersion = 11

    let db: SQLiteDatabase
    /// Where the index lives: the database file, or nil when it is in memory.
    public let path: String?
    /// Where full-text changes go while an import writes them on its own connection (nil: straight in).
    var textOut: TextChanges?

    /// Opens (creating when needed) the index kept in a directory (a store's `index/`); in memory when
    /// the directory cannot be written.
    public convenience init(directory: URL) throws {
        let url = directory.appendingPathComponent("weft.sqlite")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard access(directory.path, W_OK) == 0 else {
            try self.init(path: nil)
            return
        }
        if !StoreIndex.opens(url.path) || !StoreIndex.opens(StoreIndex.textPath(url.path)) {
            // A damaged index file is only a cache: throw both away and build them again.
            for file in [url.path, StoreIndex.textPath(url.path)] {
                for suffix in ["", "-wal", "-shm"] { unlink(file + suffix) }
            }
        }
        try self.init(path: url.path)
    }

    /// Opens the index at `path` (its words beside it, see ``textPath(_:)``), or a fresh one in memory.
    init(path: String?) throws {
        self.path = path
        db = try SQLiteDatabase(path: path ?? ":memory:")
        if path != nil { try db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") }
        try db.exec("PRAGMA cache_size=-32000; PRAGMA temp_store=MEMORY;")
        try db.registerRanking()
        try db.prepare("ATTACH DATABASE ?1 AS text").bind([path.map(StoreIndex.textPath) ?? ":memory:"]).run()
        if path != nil { try db.exec("PRAGMA text.journal_mode=WAL; PRAGMA text.synchronous=NORMAL;") }
        let current = { try self.version("main") == StoreIndex.schemaVersion && self.version("text") == StoreIndex.schemaVersion }
        if try !current() {
            // Asked again under the write lock: two processes opening a new store's index at once must
            // not both create it (the second would drop what the first had already recorded).
            try createSchema(unlessNow: current)
        } else if try !textIsComplete(), let path, StoreLock.isFree(root: StoreIndex.storeRoot(path)) {
            // An import stopped half-way through writing the words: they no longer match the posts.
            try createSchema(unlessNow: { try self.textIsComplete() })
        }
    }

    /// The file holding the words of the index at `path`.
    static func textPath(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("text.sqlite").path
    }

    /// The store an index file at `path` (STORE/index/weft.sqlite) belongs to.
    static func storeRoot(_ path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
    }

    private func version(_ schema: String) throws -> Int {
        let stmt = try db.prepare("PRAGMA \(schema).user_version")
        defer { _ = try? stmt.next() }
        return try stmt.next() ? stmt.int(0) : 0
    }

    /// Whether the words hold every post (false while, or after, an import wrote them without finishing).
    func textIsComplete() throws -> Bool {
        let stmt = try db.prepare("SELECT value FROM text.meta WHERE key = 'complete'")
        defer { _ = try? stmt.next() }
        return try !stmt.next() || stmt.int(0) != 0
    }

    /// Whether the file at `path` opens as an SQLite database (or does not exist yet).
    ///
    /// Reads the schema only: a full `quick_check` would read the whole index on every start.
    private static func opens(_ path: String) -> Bool {
        guard let db = try? SQLiteDatabase(path: path),
              let check = try? db.prepare("SELECT count(*) FROM sqlite_master") else { return false }
        return (try? check.next()) == true
    }

    /// Drops and creates every table, unless `unlessNow` (asked inside the write transaction) says
    /// another connection has already made the index what it should be.
    private func createSchema(unlessNow settled: () throws -> Bool = { false }) throws {
        try db.transaction {
            if try settled() { return }
            for schema in ["text", "main"] {
                let old = try db.prepare("SELECT name FROM \(schema).sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                var drops: [String] = []
                while try old.next() { if let name = old.string(0) { drops.append(name) } }
                // The vocabulary table reads the full-text table, whose shadow tables go with it.
                for name in drops.sorted(by: { $0 == "post_vocab" && $1 != "post_vocab" }) where !name.hasPrefix("post_text_") {
                    try db.exec("DROP TABLE IF EXISTS \(schema).\"\(name)\"")
                }
            }
            try db.exec("""
                CREATE TABLE files(name TEXT PRIMARY KEY, size INTEGER, mtime REAL, thread INTEGER, problem TEXT);
                CREATE INDEX files_thread ON files(thread);
                CREATE INDEX files_problem ON files(name) WHERE problem IS NOT NULL;
                CREATE TABLE reads(name TEXT PRIMARY KEY, size INTEGER, mtime REAL);
                CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
                CREATE TABLE threads(row INTEGER PRIMARY KEY, id TEXT UNIQUE, title TEXT, title_key TEXT, forum TEXT,
                                     starter TEXT, post_count INTEGER, first REAL, last REAL, read INTEGER NOT NULL DEFAULT 0,
                                     posts_from INTEGER);
                CREATE INDEX threads_activity ON threads(last DESC, title_key);
                CREATE INDEX threads_started ON threads(first DESC, title_key);
                CREATE INDEX threads_title ON threads(title_key);
                CREATE INDEX threads_size ON threads(post_count DESC, title_key);
                CREATE INDEX threads_unread ON threads(row) WHERE read < post_count;
                CREATE TABLE participants(thread INTEGER, author TEXT, name_key TEXT, author_key TEXT, posts INTEGER,
                                          PRIMARY KEY(thread, author, author_key)) WITHOUT ROWID;
                CREATE INDEX participants_author ON participants(author_key, thread);
                CREATE INDEX participants_name ON participants(name_key, author_key);
                CREATE TABLE authors(author_key TEXT PRIMARY KEY, name TEXT, posts INTEGER, threads INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
                CREATE TABLE posts(row INTEGER PRIMARY KEY, thread INTEGER, post TEXT, author TEXT, author_key TEXT, date REAL);
                CREATE TABLE missing(thread INTEGER, post TEXT, PRIMARY KEY(thread, post)) WITHOUT ROWID;
                CREATE INDEX missing_post ON missing(post);
                CREATE TABLE text.meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
                CREATE VIRTUAL TABLE text.post_text USING fts5(body, tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE text.post_vocab USING fts5vocab(post_text, 'row');
                INSERT INTO text.post_text(post_text, rank) VALUES('automerge', 16);
                INSERT INTO text.post_text(post_text, rank) VALUES('hashsize', 33554432);
                PRAGMA text.user_version = \(StoreIndex.schemaVersion);
                PRAGMA user_version = \(StoreIndex.schemaVersion);
                """)
        }
    }

    /// Gives this connection room for a long import: a 256 MB page cache and fewer WAL checkpoints
    /// (index pages written once per batch rather than once per thread).
    ///
    /// The full-text table merges 16 segments at a time instead of 4 and keeps 64 MB of new terms in
    /// memory before writing a segment (set when it is created; FTS5 keeps both): a million-post import
    /// indexes its words in 13 s instead of 19.
    public func prepareForBulkWrites() {
        try? db.exec("PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=16384;")
    }

    /// Whether the index has never seen a thread file (a full build is needed when the store has some).
    public var isEmpty: Bool {
        guard let stmt = try? db.prepare("SELECT 1 FROM files LIMIT 1"), let row = try? stmt.next() else { return true }
        return !row
    }

    /// Thread files the index could not read (by file name), with the reason, as of the last sync.
    public func problems() throws -> [(file: String, reason: String)] {
        let stmt = try db.prepare("SELECT name, problem FROM files WHERE problem IS NOT NULL ORDER BY name")
        var out: [(String, String)] = []
        while try stmt.next() { out.append((stmt.string(0) ?? "", stmt.string(1) ?? "")) }
        return out
    }

    /// A number that changes whenever this index's content changes, seen from any connection.
    public func dataVersion() -> Int {
        guard let stmt = try? db.prepare("PRAGMA data_version"), (try? stmt.next()) == true else { return 0 }
        return stmt.int(0)
    }
}
