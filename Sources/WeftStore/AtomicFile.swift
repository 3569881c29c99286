import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader sees the old content or the new, never half of either.
///
/// The data goes to a temporary file in the same directory, is flushed with
/// `fsync`, and is renamed over the target; then the directory is synced so
/// the rename itself survives a crash.
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent().path
        let temp = dir + "/.tmp-" + url.lastPathComponent + "-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io(path: temp, errno: errno, doing: "create") }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        do {
            try data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw StoreError.io(path: temp, errno: errno, doing: "write")
                    }
                    offset += n
                }
            }
            guard fsync(fd) == 0 else { throw StoreError.io(path: temp, errno: errno, doing: "sync") }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw StoreError.io(path: temp, errno: errno, doing: "close") }
        guard rename(temp, url.path) == 0 else { throw StoreError.io(path: url.path, errno: errno, doing: "rename into") }
        ok = true
        syncDirectory(dir)
    }

    /// Syncs a directory so that renames in it are durable; best effort.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
