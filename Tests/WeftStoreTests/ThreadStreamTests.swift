import Foundation
import Testing
import WeftModel
import WeftTestSupport
@testable import WeftStore

/// Threads given as a stream are made a slice at a time, each once, and stored as the same threads
/// given whole are.
struct ThreadStreamTests {
    static let threads: [ForumThread] = (0..<300).map { i in
        let posts = (0..<(1 + i % 4)).map { k in
            Post(id: "p\(i)-\(k)", author: "A\(k)", date: Date(timeIntervalSince1970: Double(i * 10 + k)),
                 parent: k == 0 ? nil : "p\(i)-\(k - 1)", body: "post \(k) of \(i)")
        }
        return ForumThread(id: "t\(i)", title: "Thread \(i)", posts: posts)
    }

    /// Every thread file of a store, by name.
    static func files(_ store: FileStore) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: store.threadsDir.path) where name.hasSuffix(".json") {
            out[name] = try Data(contentsOf: store.threadsDir.appendingPathComponent(name))
        }
        return out
    }

    /// What a stream was asked for.
    final class Requests: @unchecked Sendable {
        var ranges: [Range<Int>] = []
    }

    @Test func aStreamIsMadeASliceAtATimeEachThreadOnceAndStoredAsAnArrayIs() throws {
        let root = temporaryDirectory("weft-stream")
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try FileStore(root: root.appendingPathComponent("whole"), create: true)
        let streamed = try FileStore(root: root.appendingPathComponent("streamed"), create: true)
        try ImportPipeline(store: whole, index: try StoreIndex(directory: whole.indexDir)).merge(Self.threads)
        let requests = Requests()
        let stream = ThreadStream(count: Self.threads.count) { range in
            requests.ranges.append(range)
            return Array(Self.threads[range])
        }
        let index = try StoreIndex(directory: streamed.indexDir)
        let result = try ImportPipeline(store: streamed, index: index).merge(stream)
        #expect(result.threadsAdded == 300)
        #expect(requests.ranges.allSatisfy { $0.count <= ImportPipeline.slice }, "no more than a slice is made at once")
        #expect(requests.ranges.flatMap { Array($0) } == Array(0..<300), "each thread is made once, in order")
        #expect(try Self.files(streamed) == Self.files(whole))
        #expect(try index.checkInvariants() == [])
    }

    @Test func aMappedStreamChangesEachThreadAsItIsMade() throws {
        let stream = ThreadStream(Self.threads).map { t in
            var t = t
            t.forum = "list"
            return t
        }
        #expect(try stream.threads(5..<7).map(\.forum) == ["list", "list"])
        #expect(try stream.all().count == 300)
    }
}
