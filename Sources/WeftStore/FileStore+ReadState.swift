import Foundation
import WeftCodec
import WeftModel

/// Which posts of a thread have been read: `read/<id>.json` in the store.
struct ReadStateFile: Codable {
    var thread: String
    var read: [String]
}

extension FileStore {
    /// The ids of the posts of a thread that have been read.
    public func readPosts(thread id: String) -> Set<String> {
        guard let data = fm.contents(atPath: readFile(for: id).path),
              let file = try? JSONDecoder().decode(ReadStateFile.self, from: data) else { return [] }
        return Set(file.read)
    }

    /// Records that the posts `read` were read and `unread` were marked unread; returns every read post now.
    ///
    /// Merged under the lock with what is on disk, so two browsers on one
    /// store keep each other's marks.
    @discardableResult
    public func updateReadState(thread id: String, read: Set<String>, unread: Set<String>) throws -> Set<String> {
        guard !read.isEmpty || !unread.isEmpty else { return readPosts(thread: id) }
        return try StoreLock.withLock(root: root) {
            let before = readPosts(thread: id)
            var current = before
            current.formUnion(read)
            current.subtract(unread)
            guard current != before else { return current }
            let encoder = JSONFormatting.encoder()
            let data = try encoder.encode(ReadStateFile(thread: id, read: current.sorted()))
            try AtomicFile.write(data + Data("\n".utf8), to: readFile(for: id))
            return current
        }
    }
}
