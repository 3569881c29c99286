import Foundation
import WeftCodec
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
    /// Stored threads whose posts all joined other threads (mail imported in parts, threaded again).
    public var threadsJoined = 0

    /// Creates an empty result.
    public init() {}
}

extension FileStore {
    /// Threads with the same id merged into the first of them, in first-seen order.
    static func coalesced(_ threads: [ForumThread]) -> [ForumThread] {
        var position: [String: Int] = [:]
        var out: [ForumThread] = []
        out.reserveCapacity(threads.count)
        for thread in threads {
            if let i = position[thread.id] {
                out[i].merge(thread)
            } else {
                position[thread.id] = out.count
                out.append(thread)
            }
        }
        return out
    }

    /// The thread as it should be stored after merging `incoming`, or nil when nothing changes.
    func mergedThread(_ incoming: ForumThread, replacing settled: Rethreading?,
                              into result: inout MergeResult) throws -> ForumThread? {
        let url = threadFile(for: incoming.id)
        var thread: ForumThread
        let added: Int
        if let settled, let before = settled.stored[incoming.id] {
            thread = incoming
            let new = incoming.posts.filter { !$0.placeholder && !settled.held.contains($0.id) }
            added = new.count
            if thread == before { return nil }
            if added > 0 { result.threadsUpdated += 1 }
            for post in new { result.authors.insert(post.displayAuthor) }
        } else if fm.fileExists(atPath: url.path) {
            thread = try loadThreadFile(url)
            let known = Set(thread.posts.filter { !$0.placeholder }.map(\.id))
            let before = thread
            added = thread.merge(incoming)
            if thread == before { return nil }
            if added > 0 { result.threadsUpdated += 1 }
            for post in incoming.posts where !post.placeholder && !known.contains(post.id) {
                result.authors.insert(post.displayAuthor)
            }
        } else {
            thread = ForumThread(id: incoming.id, title: incoming.title, forum: incoming.forum)
            added = thread.merge(incoming)
            result.threadsAdded += 1
            // Posts moved out of retired threads were in the store already.
            let moved = settled.map { s in thread.posts.filter { !$0.placeholder && s.held.contains($0.id) }.count } ?? 0
            result.postsAdded -= moved
            for post in thread.posts where !post.placeholder && settled?.held.contains(post.id) != true {
                result.authors.insert(post.displayAuthor)
            }
        }
        result.postsAdded += added
        return thread
    }

    /// One thread file's bytes.
    static func encode(_ thread: ForumThread) throws -> Data {
        if let data = ThreadFileWriter.encode(thread) { return data }
        let encoder = JSONFormatting.encoder()
        return try encoder.encode(ThreadDocument(forum: thread.forum, threads: [thread])) + Data("\n".utf8)
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

    /// A path in the store's folder for a file one process keeps while it works (an import's set-aside
    /// message texts): named after the process, so one that was killed is found and removed later.
    public func scratchPath(_ name: String) -> String {
        root.appendingPathComponent(".scratch-\(getpid())-\(name)").path
    }

    /// Removes scratch files whose process is gone (killed before it could remove them).
    public func removeStaleScratchFiles() {
        for name in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] where name.hasPrefix(".scratch-") {
            let pid = name.dropFirst(".scratch-".count).prefix { $0.isNumber }
            guard let n = Int32(pid), n != getpid(), kill(n, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(at: root.appendingPathComponent(name))
        }
    }

    /// Something that changes whenever a thread file is added, replaced or removed.
    ///
    /// The threads directory's modification time: every atomic write renames into it.
    public func changeToken() -> String {
        FileState.of(threadsDir.path).map { "\($0.mtime)" } ?? ""
    }
}
