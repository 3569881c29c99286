import Foundation
import Testing
import WeftTestSupport
@testable import WeftModel
@testable import WeftStore

func sampleThread(_ id: String = "t1", posts n: Int = 3) -> ForumThread {
    var posts = [Post(id: "p0", author: "ann", date: Date(timeIntervalSince1970: 1_700_000_000), body: "Opening post\n\n> quoted")]
    for i in 1..<n {
        posts.append(Post(id: "p\(i)", author: i % 2 == 0 ? "ann" : nil,
                          date: Date(timeIntervalSince1970: 1_700_000_000 + Double(i) * 60),
                          parent: "p\(i - 1)", number: i + 1, body: "Reply \(i) 山田 🚲", format: .markdown))
    }
    return ForumThread(id: id, title: "Title of \(id)", forum: "Forum", posts: posts)
}

struct FileStoreTests {
    @Test func threadsRoundTripThroughTheStoreExactly() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        let thread = sampleThread()
        let result = try ImportPipeline(store: store).merge([thread])
        #expect(result.threadsAdded == 1 && result.postsAdded == 3)
        let reopened = try FileStore(root: dir)
        #expect(try reopened.thread(id: "t1") == thread)
    }

    @Test func mergingTheSameThreadTwiceAddsNothing() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        try ImportPipeline(store: store).merge([sampleThread(posts: 2)])
        let again = try ImportPipeline(store: store).merge([sampleThread(posts: 4)])
        #expect(again.threadsUpdated == 1 && again.postsAdded == 2)
        #expect(try ImportPipeline(store: store).merge([sampleThread(posts: 4)]).postsAdded == 0)
        #expect(try store.thread(id: "t1").posts.count == 4)
    }

    @Test func atomicWritesLeaveNoTemporaryFiles() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        for i in 0..<5 { try ImportPipeline(store: store).merge([sampleThread("t\(i)")]) }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("threads").path)
        #expect(names.sorted() == (0..<5).map { "t\($0).json" })
        #expect(!names.contains { $0.hasPrefix(".tmp") })
    }

    @Test func readStateSurvivesReopeningTheStore() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        try ImportPipeline(store: store).merge([sampleThread()])
        try store.updateReadState(thread: "t1", read: ["p0", "p1"], unread: [])
        try store.updateReadState(thread: "t1", read: [], unread: ["p1"])
        let reopened = try FileStore(root: dir)
        #expect(reopened.readPosts(thread: "t1") == ["p0"])
        #expect(try IndexedStore(reopened).summaries().summaries.first?.unreadCount == 2)
    }

    static let hostileIDs = ["../../x", "/", "/etc/passwd", "a/b", "\0", "a\0b", ".", "..", ".hidden",
                             String(repeating: "é", count: 300), "", "CON", "x\ny", "%2e%2e"]

    @Test("hostile ids stay inside the store", arguments: hostileIDs)
    func hostileIDsStayInside(id: String) throws {
        let outer = temporaryDirectory()
        let dir = outer.appendingPathComponent("store")
        defer { try? FileManager.default.removeItem(at: outer) }
        let store = try FileStore(root: dir, create: true)
        try ImportPipeline(store: store).merge([sampleThread(id)])
        try store.updateReadState(thread: id, read: ["p0"], unread: [])
        let file = store.threadFile(for: id)
        #expect(file.deletingLastPathComponent().path == dir.appendingPathComponent("threads").standardizedFileURL.path)
        #expect(file.lastPathComponent.utf8.count <= StorePath.maxLength + 5)
        #expect(try store.thread(id: id).id == id)
        #expect(store.readPosts(thread: id) == ["p0"])
        // Nothing was written beside the store.
        #expect(try FileManager.default.contentsOfDirectory(atPath: outer.path) == ["store"])
    }

    @Test func distinctIDsGetDistinctFiles() {
        let ids = ["a/b", "a%2Fb", "a_b", "a.b", String(repeating: "x", count: 300), String(repeating: "x", count: 301)]
        #expect(Set(ids.map(StorePath.stem)).count == ids.count)
    }

    @Test func aCorruptFileIsReportedAndTheOthersStillLoad() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        try ImportPipeline(store: store).merge([sampleThread("good1"), sampleThread("good2")])
        let bad = dir.appendingPathComponent("threads/bad.json")
        try Data("{\"weft\": 1, \"thread\": {\"title\": \"x\", \"posts\": [{\"id\": 1}]}}".utf8).write(to: bad)
        let truncated = dir.appendingPathComponent("threads/truncated.json")
        try Data("{\"weft\": 1, \"thr".utf8).write(to: truncated)
        let listing = try IndexedStore(store).summaries()
        #expect(listing.summaries.map(\.id).sorted() == ["good1", "good2"])
        #expect(listing.problems.count == 2)
        let badProblem = try #require(listing.problems.first { $0.path.hasSuffix("bad.json") })
        #expect(badProblem.reason.contains("thread.posts[0]"))
        #expect(badProblem.reason.contains("body"))
        #expect(listing.problems.contains { $0.path == truncated.path && $0.reason.contains("not valid JSON") })
    }

    @Test func summariesComeFromTheIndexWhichFollowsTheFiles() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        try ImportPipeline(store: store).merge([sampleThread("t1", posts: 3)])
        #expect(try IndexedStore(store).summaries().summaries.first?.postCount == 3)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("index/weft.sqlite").path))
        try ImportPipeline(store: store).merge([sampleThread("t1", posts: 5)])
        let s = try #require(try IndexedStore(store).summaries().summaries.first)
        #expect(s.postCount == 5)
        #expect(s.participants == ["ann": 3, Post.unnamedAuthor: 2])
        #expect(s.starter == "ann")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("index"))
        #expect(try IndexedStore(store).summaries().summaries.first?.postCount == 5)
    }

    @Test func twoWritersAtOnceLoseNothing() async throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try FileStore(root: dir, create: true)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = try! FileStore(root: dir)
                    for i in 0..<40 {
                        var t = ForumThread(id: "shared", title: "Shared")
                        t.posts = [Post(id: "w\(writer)-\(i)", body: "x")]
                        try! ImportPipeline(store: store).merge([t])
                    }
                }
            }
        }
        let store = try FileStore(root: dir)
        let ids = try store.thread(id: "shared").posts.map(\.id)
        #expect(ids.count == 80)
        #expect(Set(ids).count == 80)
    }

    @Test func aNewerStoreVersionIsRefusedWithItsPath() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"format\": \"weft-store\", \"version\": 99}".utf8).write(to: dir.appendingPathComponent("weft-store.json"))
        #expect(throws: StoreError.self) { try FileStore(root: dir) }
    }
}

/// Pieces of one thread given to one merge (a topic's post objects, a thread's pages) all reach the store.
struct MergeCoalescingTests {
    @Test func piecesOfOneThreadInOneMergeAreAllKept() throws {
        let dir = temporaryDirectory("weft-coalesce")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        let pieces = (1...5).map { n in
            ForumThread(id: "topic-9", title: n == 3 ? "The real title" : "(untitled topic 9)", posts: [
                Post(id: "\(n)", author: "u\(n)", parent: n == 1 ? nil : "1", number: n, body: "post \(n)"),
            ])
        }
        let result = try ImportPipeline(store: store).merge(pieces.reversed())
        #expect(result.threadsAdded == 1)
        #expect(result.postsAdded == 5)
        let stored = try store.thread(id: "topic-9")
        #expect(stored.posts.map(\.id) == ["1", "2", "3", "4", "5"])
        #expect(stored.title == "The real title")
        // Merging the same pieces again changes nothing.
        let again = try ImportPipeline(store: store).merge(pieces)
        #expect(again.postsAdded == 0 && again.threadsAdded == 0)
    }
}
