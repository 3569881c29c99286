import CSQLite
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WeftCodec

/// Writes files so that a reader sees the old content or the new, never half of either.
///
/// The data goes to a temporary file in the same directory, is flushed to
/// disk, and is renamed over the target; then the directory is synced so the
/// rename itself survives a crash.
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL) throws {
        let temp = try writeTemporary(data, for: url, sync: true)
        try rename(temp.path, to: url)
        syncDirectory(url.deletingLastPathComponent().path)
    }

    /// Writes many files atomically, each as ``write(_:to:)`` would, with one flush for the lot.
    ///
    /// Every file goes to its temporary name first; then the file system is
    /// flushed once (`syncfs`) instead of once per file, and only then is each
    /// renamed into place, so a crash leaves every target either as it was or
    /// complete. Returns each written file's size and modification time.
    public static func writeBatch(_ files: [(Data, URL)]) throws -> [FileState] {
        var temps: [(path: String, state: FileState)] = []
        var renamed = 0
        // Whatever was not renamed into place (a failure part-way) is removed.
        defer { for t in temps[renamed...] { unlink(t.path) } }
        for (data, url) in files { temps.append(try writeTemporary(data, for: url, sync: false)) }
        if let first = files.first {
            let dir = first.1.deletingLastPathComponent().path
            let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                let rc = weft_syncfs(fd)
                let failure = errno
                close(fd)
                guard rc == 0 else { throw StoreError.io(path: dir, errno: failure, doing: "sync") }
            }
        }
        for (i, (_, url)) in files.enumerated() {
            try rename(temps[i].path, to: url)
            renamed += 1
        }
        for dir in Set(files.map { $0.1.deletingLastPathComponent().path }) { syncDirectory(dir) }
        return temps.map(\.state)
    }

    /// Writes `data` to a new temporary file beside `url`; returns its path and state.
    private static func writeTemporary(_ data: Data, for url: URL, sync: Bool) throws -> (path: String, state: FileState) {
        let dir = url.deletingLastPathComponent().path
        let temp = dir + "/.tmp-" + url.lastPathComponent + "-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Errors name the file being written, not its temporary name, which the user never chose.
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io(path: url.path, errno: errno, doing: "create") }
        var ok = false
        defer { if !ok { unlink(temp) } }
        do {
            try data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw StoreError.io(path: url.path, errno: errno, doing: "write")
                    }
                    offset += n
                }
            }
            if sync { guard fsync(fd) == 0 else { throw StoreError.io(path: url.path, errno: errno, doing: "sync") } }
        } catch {
            close(fd)
            throw error
        }
        let state = FileState.of(descriptor: fd) ?? FileState(size: data.count, mtime: 0)
        guard close(fd) == 0 else { throw StoreError.io(path: url.path, errno: errno, doing: "close") }
        ok = true
        return (temp, state)
    }

    private static func rename(_ temp: String, to url: URL) throws {
        guard Glibc.rename(temp, url.path) == 0 else {
            let failure = errno
            unlink(temp)
            throw StoreError.io(path: url.path, errno: failure, doing: "rename into")
        }
    }

    /// Syncs a directory so that renames in it are durable; best effort.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
