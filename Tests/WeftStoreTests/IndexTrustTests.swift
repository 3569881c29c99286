import Foundation
import Testing
import WeftTestSupport
@testable import WeftModel
@testable import WeftStore

/// When the command line trusts the index, and when it looks at the files: the promise in
/// docs/store-format.md ("When the index notices a change"), one clause per test.
struct IndexTrustTests {
    func store() throws -> FileStore {
        let s = try FileStore(root: temporaryDirectory("weft-trust").appendingPathComponent("s"), create: true)
        try ImportPipeline(store: s, index: try StoreIndex(directory: s.indexDir)).merge(StoreIndexTests.threads)
        _ = try IndexedStore(s).listing(ThreadQuery(), check: true)  // the index is up to date with the directories
        return s
    }

    func titles(_ listing: SummaryListing) -> [String] { listing.summaries.map(\.title).sorted() }

    @Test func aWeftWriteKeepsTheIndexTrustedAndListed() throws {
        let s = try store()
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        try ImportPipeline(store: s, index: try StoreIndex(directory: s.indexDir))
            .merge([ForumThread(id: "c", title: "Canals", posts: [Post(id: "9", author: "Cy", body: "Locks.")])])
        #expect(try IndexedStore(s).directoriesUnchanged(), "an import records what it wrote")
        #expect(titles(try IndexedStore(s).listing(ThreadQuery())) == ["Bridges", "Canals", "Tyres"])
    }

    @Test func aFileAddedOrReplacedByAnyToolIsNoticedWithoutACheck() throws {
        let s = try store()
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        // Replaced the way editors and copies do it: a new file renamed over the old one.
        let file = s.threadFile(for: "b")
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"Tyres\"", with: "\"Studs\"")
        Thread.sleep(forTimeInterval: 0.01)
        try edited.write(to: file, atomically: true, encoding: .utf8)
        #expect(titles(try IndexedStore(s).listing(ThreadQuery())) == ["Bridges", "Studs"])
    }

    @Test func aFileEditedInPlaceIsNoticedByACheckNotByTheTrustedIndex() throws {
        let s = try store()
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let file = s.threadFile(for: "b")
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"Tyres\"", with: "\"Chain\"")
        // In place: the same inode rewritten, the directory untouched.
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        #expect(titles(try IndexedStore(s).listing(ThreadQuery())) == ["Bridges", "Tyres"], "trusted: the directories did not change")
        #expect(titles(try IndexedStore(s).listing(ThreadQuery(), check: true)) == ["Bridges", "Chain"], "--check looks at every file")
    }

    @Test func aFileRemovedByHandIsNoticedWithoutACheck() throws {
        let s = try store()
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        Thread.sleep(forTimeInterval: 0.01)
        try FileManager.default.removeItem(at: s.threadFile(for: "a"))
        #expect(titles(try IndexedStore(s).listing(ThreadQuery())) == ["Tyres"])
    }
}
