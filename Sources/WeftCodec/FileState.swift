import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's size and modification time: how the index notices a file changed, and what importers
/// read for a file's size and age.
public struct FileState: Equatable, Sendable {
    public var size: Int
    /// Seconds since 1970, with nanoseconds.
    public var mtime: Double

    public init(size: Int, mtime: Double) {
        self.size = size
        self.mtime = mtime
    }

    /// The state of the file at `path`, or nil when there is none.
    ///
    /// `stat(2)` directly: a sync looks at every thread file, and Foundation's
    /// attribute dictionaries cost several times more per file.
    public static func of(_ path: String) -> FileState? {
        var st = stat()
        return stat(path, &st) == 0 ? FileState(st) : nil
    }

    /// The state of an open file.
    public static func of(descriptor fd: Int32) -> FileState? {
        var st = stat()
        return fstat(fd, &st) == 0 ? FileState(st) : nil
    }

    private init(_ st: stat) {
        self.init(size: Int(st.st_size), mtime: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
    }
}
