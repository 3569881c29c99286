import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a store, held while one process writes.
///
/// It is an advisory `flock` on `<store>/.lock`: two imports, or an import
/// and a browser saving read state, take turns instead of losing each
/// other's writes. The kernel drops the lock if the holder dies.
struct StoreLock {
    private let fd: Int32

    /// Blocks until the lock on the store at `root` is held.
    init(root: URL) throws {
        let path = root.appendingPathComponent(".lock").path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io(path: path, errno: errno, doing: "open the lock file") }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(fd)
            throw StoreError.io(path: path, errno: code, doing: "lock")
        }
        self.fd = fd
    }

    /// Releases the lock.
    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Whether no process holds the lock on the store at `root` now (false when the lock file cannot be opened).
    static func isFree(root: URL) -> Bool {
        let fd = open(root.appendingPathComponent(".lock").path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        flock(fd, LOCK_UN)
        return true
    }

    /// Runs `body` while holding the lock on the store at `root`.
    ///
    /// Re-entrant on one thread: a caller that holds the lock (see ``FileStore/whileLocked(_:)``)
    /// can call writers that take it again. (`flock` on a second descriptor would wait for the first.)
    static func withLock<T>(root: URL, _ body: () throws -> T) throws -> T {
        let key = "weft.store-lock:" + root.standardizedFileURL.path
        let locals = Thread.current.threadDictionary
        let depth = locals[key] as? Int ?? 0
        if depth > 0 {
            locals[key] = depth + 1
            defer { locals[key] = depth }
            return try body()
        }
        let lock = try StoreLock(root: root)
        locals[key] = 1
        defer {
            locals[key] = nil
            lock.release()
        }
        return try body()
    }
}
