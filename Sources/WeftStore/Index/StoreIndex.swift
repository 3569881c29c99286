import Foundation
import WeftModel

/// The store's derived search index: `index/weft.sqlite` (SQLite, FTS5, WAL).
///
/// The thread files stay the truth. The index can be deleted at any time:
/// ``sync(_:)`` compares every thread file's size and modification time with
/// what it indexed and re-reads only the files that changed, were added or
/// went away, so a file edited by hand is noticed. WAL mode lets a browser
/// read while an import writes.
public final class StoreIndex {
    /// The schema this code writes; an older or newer index is rebuilt.
    static let schemaVersion = 1

    let db: SQLiteDatabase
    let url: URL

    /// Opens (creating when needed) the index of a store.
    public init(store: FileStore) throws {
        url = store.indexDir.appendingPathComponent("weft.sqlite")
        try? FileManager.default.createDirectory(at: store.indexDir, withIntermediateDirectories: true)
        db = try SQLiteDatabase(path: url.path)
        try db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
        let version = try db.prepare("PRAGMA user_version")
        let current = try version.next() ? version.int(0) : 0
        _ = try? version.next()
        if current != StoreIndex.schemaVersion {
            try db.exec("""
                DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS threads;
                DROP TABLE IF EXISTS participants; DROP TABLE IF EXISTS post_text;
                CREATE TABLE files(name TEXT PRIMARY KEY, size INTEGER, mtime REAL, thread TEXT);
                CREATE TABLE threads(id TEXT PRIMARY KEY, title TEXT, forum TEXT, starter TEXT,
                                     post_count INTEGER, first REAL, last REAL);
                CREATE TABLE participants(thread TEXT, author TEXT COLLATE NOCASE, posts INTEGER);
                CREATE INDEX participants_author ON participants(author);
                CREATE INDEX participants_thread ON participants(thread);
                CREATE VIRTUAL TABLE post_text USING fts5(thread UNINDEXED, post UNINDEXED, author, date UNINDEXED,
                                                      body, tokenize = 'unicode61 remove_diacritics 2');
                PRAGMA user_version = \(StoreIndex.schemaVersion);
                """)
        }
    }

    /// What a sync did.
    public struct SyncResult: Equatable, Sendable {
        public var reindexed = 0
        public var removed = 0
        public var problems: [StoreProblem] = []
    }

    /// Brings the index up to date with the thread files.
    @discardableResult
    public func sync(_ store: FileStore, progress: ((Int, Int) -> Void)? = nil) throws -> SyncResult {
        let fm = FileManager()
        let names = ((try? fm.contentsOfDirectory(atPath: store.threadsDir.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        var known: [String: (Int, Double)] = [:]
        let rows = try db.prepare("SELECT name, size, mtime FROM files")
        while try rows.next() { known[rows.string(0) ?? ""] = (rows.int(1), rows.double(2) ?? 0) }
        var result = SyncResult()
        var changed: [(String, Int, Double)] = []
        for name in names {
            let attrs = try? fm.attributesOfItem(atPath: store.threadsDir.appendingPathComponent(name).path)
            let size = (attrs?[.size] as? NSNumber)?.intValue ?? 0
            let mtime = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            if let k = known[name], k.0 == size, k.1 == mtime { continue }
            changed.append((name, size, mtime))
        }
        let gone = Set(known.keys).subtracting(names)
        guard !changed.isEmpty || !gone.isEmpty else { return result }
        try db.transaction {
            for name in gone {
                try forget(file: name)
                result.removed += 1
            }
            for (n, (name, size, mtime)) in changed.enumerated() {
                try forget(file: name)
                do {
                    let thread = try store.loadThreadFile(store.threadsDir.appendingPathComponent(name))
                    try add(thread, file: name, size: size, mtime: mtime)
                    result.reindexed += 1
                } catch {
                    result.problems.append(StoreProblem(path: store.threadsDir.appendingPathComponent(name).path,
                                                        reason: FileStore.reason(error)))
                }
                progress?(n + 1, changed.count)
            }
        }
        return result
    }

    private func forget(file name: String) throws {
        let find = try db.prepare("SELECT thread FROM files WHERE name = ?1").bind([name])
        if try find.next(), let thread = find.string(0) {
            try db.prepare("DELETE FROM threads WHERE id = ?1").bind([thread]).run()
            try db.prepare("DELETE FROM participants WHERE thread = ?1").bind([thread]).run()
            try db.prepare("DELETE FROM post_text WHERE thread = ?1").bind([thread]).run()
        }
        _ = try? find.next()
        try db.prepare("DELETE FROM files WHERE name = ?1").bind([name]).run()
    }

    private func add(_ thread: ForumThread, file: String, size: Int, mtime: Double) throws {
        let summary = ThreadSummary(thread)
        try db.prepare("INSERT INTO files(name, size, mtime, thread) VALUES (?1, ?2, ?3, ?4)")
            .bind([file, size, mtime, thread.id]).run()
        try db.prepare("INSERT OR REPLACE INTO threads VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .bind([thread.id, thread.title, thread.forum, summary.starter, summary.postCount,
                   summary.firstDate?.timeIntervalSince1970, summary.lastDate?.timeIntervalSince1970]).run()
        let participant = try db.prepare("INSERT INTO participants VALUES (?1, ?2, ?3)")
        for (name, count) in summary.participants { try participant.bind([thread.id, name, count]).run() }
        let post = try db.prepare("INSERT INTO post_text(thread, post, author, date, body) VALUES (?1, ?2, ?3, ?4, ?5)")
        for p in thread.posts where !p.placeholder {
            try post.bind([thread.id, p.id, p.displayAuthor, p.date?.timeIntervalSince1970, p.body]).run()
        }
    }
}
