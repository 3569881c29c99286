import Foundation
import WeftModel

/// What a write added to the store.
public struct MergeResult: Equatable, Sendable {
    /// Threads that were new to the store.
    public var threadsAdded = 0
    /// Threads that were there and gained posts.
    public var threadsUpdated = 0
    /// Posts that were new.
    public var postsAdded = 0
    /// Authors that appear in the added posts.
    public var authors: Set<String> = []

    /// Creates an empty result.
    public init() {}
}

extension FileStore {
    /// Adds threads to the store, merging posts into threads it already has.
    ///
    /// Posts whose ids the stored thread already has are skipped, so writing
    /// the same data twice adds nothing. Runs under the store lock.
    @discardableResult
    public func merge(_ threads: [ForumThread]) throws -> MergeResult {
        try StoreLock.withLock(root: root) {
            removeStaleTemporaryFiles()
            var result = MergeResult()
            for incoming in threads {
                let url = threadFile(for: incoming.id)
                var thread: ForumThread
                let added: Int
                if fm.fileExists(atPath: url.path) {
                    thread = try loadThreadFile(url)
                    let known = Set(thread.posts.filter { !$0.placeholder }.map(\.id))
                    let before = thread
                    added = thread.merge(incoming)
                    if thread == before { continue }
                    if added > 0 { result.threadsUpdated += 1 }
                    for post in incoming.posts where !post.placeholder && !known.contains(post.id) {
                        result.authors.insert(post.displayAuthor)
                    }
                } else {
                    thread = ForumThread(id: incoming.id, title: incoming.title, forum: incoming.forum)
                    added = thread.merge(incoming)
                    result.threadsAdded += 1
                    for post in thread.posts where !post.placeholder { result.authors.insert(post.displayAuthor) }
                }
                result.postsAdded += added
                try write(thread, to: url)
            }
            return result
        }
    }

    /// Deletes temporary files a killed writer left behind. Only called under the
    /// lock, when no other writer can be half-way through one.
    func removeStaleTemporaryFiles() {
        for dir in [threadsDir, readDir] {
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasPrefix(".tmp-") {
                try? fm.removeItem(at: dir.appendingPathComponent(name))
            }
        }
    }

    /// Something that changes whenever a thread file is added, replaced or removed.
    ///
    /// The threads directory's modification time: every atomic write renames into it.
    public func changeToken() -> String {
        guard let attrs = try? fm.attributesOfItem(atPath: threadsDir.path),
              let date = attrs[.modificationDate] as? Date else { return "" }
        return String(date.timeIntervalSince1970)
    }

    /// Writes one thread file atomically.
    func write(_ thread: ForumThread, to url: URL) throws {
        let encoder = JSONFormatting.encoder()
        let data = try encoder.encode(ThreadDocument(forum: thread.forum, threads: [thread]))
        try AtomicFile.write(data + Data("\n".utf8), to: url)
    }
}
