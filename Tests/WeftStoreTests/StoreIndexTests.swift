import Foundation
import Testing
import WeftTestSupport
@testable import WeftModel
@testable import WeftStore

struct StoreIndexTests {
    func store(_ threads: [ForumThread]) throws -> FileStore {
        let store = try FileStore(root: temporaryDirectory("weft-index").appendingPathComponent("s"), create: true)
        try store.merge(threads)
        return store
    }

    static let threads = [
        ForumThread(id: "a", title: "Bridges", posts: [
            Post(id: "1", author: "Ann", body: "The bridge at Karlsbad was rebuilt in 1890 after the flood."),
            Post(id: "2", author: "Bob", parent: "1", body: "The parish records say 1893; the café owner agrees."),
        ]),
        ForumThread(id: "b", title: "Tyres", posts: [
            Post(id: "3", author: "ann", body: "Winter tyres in the hills are a must after the flood season."),
        ]),
    ]

    @Test func searchFindsPostsBestFirstWithTheWordsMarked() throws {
        let s = try store(Self.threads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let index = try StoreIndex(store: s)
        #expect(try index.sync(s).reindexed == 2)
        let hits = try index.search("flood")
        #expect(Set(hits.map(\.post)) == ["1", "3"])
        #expect(hits.allSatisfy { $0.snippet.contains("[flood]") })
        #expect(try index.search("\"parish records\"").map(\.post) == ["2"])
        #expect(try index.search("records parish").map(\.post) == ["2"])
        #expect(try index.search("records bridge").isEmpty)
        #expect(try index.search("cafe").map(\.post) == ["2"])  // diacritics folded
        #expect(try index.search("flood", authors: ["ANN"]).count == 2)
        #expect(try index.search("flood", authors: ["bob"]).isEmpty)
        #expect(try index.threads(byAuthors: ["ANN"]) == ["a", "b"])
    }

    static let hostileQueries = ["NEAR(flood bridge)", "flood*", "-flood", "flood OR x", "\"", "'; DROP TABLE files; --", "col:flood", "^flood", ""]

    @Test("queries cannot inject FTS5 or SQL syntax", arguments: hostileQueries)
    func hostileQueriesAreWords(query: String) throws {
        let s = try store(Self.threads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let index = try StoreIndex(store: s)
        try index.sync(s)
        _ = try index.search(query)
        #expect(try index.search("flood").count == 2)
    }

    @Test func aHandEditedOrRemovedFileIsNoticedAndADeletedIndexRebuilt() throws {
        let s = try store(Self.threads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        var index = try StoreIndex(store: s)
        try index.sync(s)
        #expect(try index.sync(s).reindexed == 0)
        let file = s.threadFile(for: "b")
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Winter tyres", with: "Studded tyres")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        #expect(try index.sync(s).reindexed == 1)
        #expect(try index.search("studded").map(\.post) == ["3"])
        try FileManager.default.removeItem(at: s.threadFile(for: "a"))
        #expect(try index.sync(s).removed == 1)
        #expect(try index.search("parish").isEmpty)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index.path! + suffix) }
        index = try StoreIndex(store: s)
        #expect(try index.sync(s).reindexed == 1)
        #expect(try index.search("studded").count == 1)
    }
}
