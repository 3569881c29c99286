import Foundation
import Testing
import WeftTestSupport
@testable import WeftModel
@testable import WeftStore

struct StoreIndexTests {
    func store(_ threads: [ForumThread]) throws -> FileStore {
        let store = try FileStore(root: temporaryDirectory("weft-index").appendingPathComponent("s"), create: true)
        try ImportPipeline(store: store).merge(threads)
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

    static let listings: [(ThreadQuery, String?, [String])] = [
        (ThreadQuery(), nil, ["a", "b"]),
        (ThreadQuery(authors: ["ANN"]), nil, ["a", "b"]),   // authors compare without case, as in the browser
        (ThreadQuery(authors: ["Bob"]), nil, ["a"]),
        (ThreadQuery(excludedAuthors: ["ann"]), nil, ["a"]), // b has no post but Ann's
        (ThreadQuery(), "TYRE", ["b"]),
        (ThreadQuery(authors: ["Bob"]), "tyre", []),
    ]

    @Test("weft list asks the index what the browser asks", arguments: listings.indices)
    func listingAnswersTheBrowsersQueries(index n: Int) throws {
        let s = try store(Self.threads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let (query, title, expected) = Self.listings[n]
        let listing = try IndexedStore(s).listing(query, titleContaining: title)
        #expect(Set(listing.summaries.map(\.id)) == Set(expected))
        #expect(listing.summaries.allSatisfy { !$0.participants.isEmpty })
        let authors = try StoreIndex(directory: s.indexDir).authorsWithThreads()
        #expect(authors.map(\.name).count == 2 && authors.first?.posts == 2 && authors.first?.threads == 2)
    }

    @Test func searchFindsPostsBestFirstWithTheWordsMarked() throws {
        let s = try store(Self.threads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let index = try StoreIndex(directory: s.indexDir)
        #expect(try IndexedStore(s, index: index).sync().reindexed == 2)
        let hits = try index.search("flood")
        #expect(Set(hits.map(\.post)) == ["1", "3"])
        #expect(hits.allSatisfy { $0.snippet.contains("[flood]") })
        #expect(try index.search("\"parish records\"").map(\.post) == ["2"])
        #expect(try index.search("records parish").map(\.post) == ["2"])
        #expect(try index.search("records bridge").isEmpty)
        #expect(try index.search("cafe").map(\.post) == ["2"])  // diacritics folded
        #expect(try index.search("flood", authors: ["ANN"]).count == 2)
        #expect(try index.search("flood", authors: ["bob"]).isEmpty)
    }

    @Test func searchRanksTheDensestPostsFirstAndShowsOnlyTheBestUpToTheLimit() throws {
        let filler = String(repeating: "the river ran on past the mill and the bridge ", count: 8)
        let posts = [
            Post(id: "once", author: "Ann", body: "a flood " + filler),
            Post(id: "thrice", author: "Bob", body: "flood flood flood"),
            Post(id: "twice", author: "Cy", body: "flood and flood " + filler.prefix(60)),
        ]
        let s = try store([ForumThread(id: "t", title: "Rivers", posts: posts)])
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let index = try StoreIndex(directory: s.indexDir)
        try IndexedStore(s, index: index).sync()
        #expect(try index.search("flood").map(\.post) == ["thrice", "twice", "once"])
        #expect(try index.search("flood", limit: 2).map(\.post) == ["thrice", "twice"])
        #expect(try index.search("flood", authors: ["ann", "cy"]).map(\.post) == ["twice", "once"])
        #expect(try index.search("flood", limit: 2).allSatisfy { $0.snippet.contains("[flood]") && $0.title == "Rivers" })
    }

    static let hostileQueries = ["NEAR(flood bridge)", "flood*", "-flood", "flood OR x", "\"", "'; DROP TABLE files; --", "col:flood", "^flood", ""]

    @Test("queries cannot inject FTS5 or SQL syntax", arguments: hostileQueries)
    func hostileQueriesAreWords(query: String) throws {
        let s = try store(Self.threads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let index = try StoreIndex(directory: s.indexDir)
        try IndexedStore(s, index: index).sync()
        _ = try index.search(query)
        #expect(try index.search("flood").count == 2)
    }

    @Test func aHandEditedOrRemovedFileIsNoticedAndADeletedIndexRebuilt() throws {
        let s = try store(Self.threads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        var index = try StoreIndex(directory: s.indexDir)
        try IndexedStore(s, index: index).sync()
        #expect(try IndexedStore(s, index: index).sync().reindexed == 0)
        let file = s.threadFile(for: "b")
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Winter tyres", with: "Studded tyres")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        #expect(try IndexedStore(s, index: index).sync().reindexed == 1)
        #expect(try index.search("studded").map(\.post) == ["3"])
        #expect(try index.search("winter").isEmpty)
        #expect(try Set(index.search("flood").map(\.post)) == ["1", "3"])
        try FileManager.default.removeItem(at: s.threadFile(for: "a"))
        #expect(try IndexedStore(s, index: index).sync().removed == 1)
        #expect(try index.search("parish").isEmpty)
        #expect(try index.search("flood").map(\.post) == ["3"])
        #expect(try index.checkInvariants() == [])
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index.path! + suffix) }
        index = try StoreIndex(directory: s.indexDir)
        #expect(try IndexedStore(s, index: index).sync().reindexed == 1)
        #expect(try index.search("studded").count == 1)
    }

    @Test func aWordInMostPostsIsRankedAmongTheNewestMatches() throws {
        let posts = (0..<30).map { Post(id: "p\($0)", author: "ann", body: "flood \($0 % 3 == 0 ? "levee" : "rain")") }
        let s = try store([ForumThread(id: "f", title: "Floods", posts: posts)])
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let index = try StoreIndex(directory: s.indexDir)
        try IndexedStore(s, index: index).sync()
        #expect(try index.search("flood", limit: 100).count == 30)  // under the window: all ranked
        let windowed = try index.search("flood", limit: 100, window: 8)
        #expect(windowed.count == 8)
        #expect(Set(windowed.map(\.post)) == Set((22..<30).map { "p\($0)" }))  // the newest eight
        // "levee" is in 10 posts: more than the window, so the newest eight of its matches are ranked.
        #expect(try index.search("levee", limit: 100, window: 20).count == 10)
        // Two words: the window counts the posts that hold both, the newest first.
        #expect(Set(try index.search("flood levee", limit: 100, window: 8).map(\.post)) == Set(stride(from: 6, to: 30, by: 3).map { "p\($0)" }))
        #expect(try index.search("\"flood levee\"", limit: 100, window: 20).count == 10)
    }

    static let listThreads = [
        ForumThread(id: "t2", title: "Part 2", posts: [
            Post(id: "a", author: "Ann", date: Date(timeIntervalSince1970: 100), body: "x"),
            Post(id: "b", author: "Bob", date: Date(timeIntervalSince1970: 500), parent: "a", body: "y"),
        ]),
        ForumThread(id: "t10", title: "part 10", posts: [
            Post(id: "c", author: "bob", date: Date(timeIntervalSince1970: 300), body: "z"),
        ]),
        ForumThread(id: "t1", title: "Part 1", posts: [
            Post(id: "d", author: "Cy", date: Date(timeIntervalSince1970: 200), body: "w"),
            Post(id: "e", author: "Cy", date: Date(timeIntervalSince1970: 250), parent: "d", body: "v"),
            Post(id: "f", author: "Cy", date: Date(timeIntervalSince1970: 260), parent: "d", body: "u"),
        ]),
    ]

    static let listCases: [(ThreadQuery, [String])] = [
        (ThreadQuery(), ["t2", "t10", "t1"]),  // latest post first
        (ThreadQuery(order: .started), ["t10", "t1", "t2"]),
        (ThreadQuery(order: .title), ["t1", "t2", "t10"]),  // numbers compared as numbers
        (ThreadQuery(order: .size), ["t1", "t2", "t10"]),
        (ThreadQuery(authors: ["BOB"]), ["t2", "t10"]),  // any case
        (ThreadQuery(authors: ["bob"], excludedAuthors: ["bob"]), []),
        (ThreadQuery(excludedAuthors: ["cy"]), ["t2", "t10"]),  // a thread only Cy posted in goes
        (ThreadQuery(excludedAuthors: ["ann"]), ["t2", "t10", "t1"]),  // Bob's post keeps t2
        (ThreadQuery(unreadOnly: true), ["t2", "t10"]),  // all of t1 is read
    ]

    @Test("the index lists, sorts and filters threads", arguments: listCases)
    func theIndexListsSortsAndFilters(query: ThreadQuery, expected: [String]) throws {
        let s = try store(Self.listThreads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        try s.updateReadState(thread: "t1", read: ["d", "e", "f"], unread: [])
        let index = try StoreIndex(directory: s.indexDir)
        try IndexedStore(s, index: index).sync()
        let keys = try index.threadRows(query).keys
        let summaries = try index.summaries(keys)
        #expect(keys.compactMap { summaries[$0]?.id } == expected)
        if !query.authors.isEmpty || !query.excludedAuthors.isEmpty {
            let counted = try index.listing(query).reduce(0) { total, s in
                let filter = PostFilter(authors: query.authors, excludedAuthors: query.excludedAuthors)
                return total + s.participants.filter { filter.passes(author: $0.key) }.values.reduce(0, +)
            }
            #expect(try index.postCount(query) == counted)
        }
    }

    /// Sixty threads: Ann writes in forty, Bob in ten; some dates tie, some threads are read.
    static let manyThreads: [ForumThread] = (0..<60).map { i in
        var posts = [Post(id: "o\(i)", author: i % 3 == 2 ? "Cy" : "Ann", date: Date(timeIntervalSince1970: Double(i % 7) * 100),
                          body: "opening")]
        if i % 6 == 0 { posts.append(Post(id: "r\(i)", author: "Bob", date: Date(timeIntervalSince1970: Double(i)), parent: "o\(i)", body: "reply")) }
        return ForumThread(id: "m\(i)", title: "Topic \(i % 9)", posts: posts)
    }

    @Test(arguments: ThreadQuery.Order.allCases)
    func anAuthorInManyThreadsIsListedByTheOrdersIndexExactlyAsByItsThreadKeys(order: ThreadQuery.Order) throws {
        let s = try store(Self.manyThreads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        for i in stride(from: 0, to: 60, by: 4) { try s.updateReadState(thread: "m\(i)", read: ["o\(i)", "r\(i)"], unread: []) }
        let index = try StoreIndex(directory: s.indexDir)
        try IndexedStore(s, index: index).sync()
        for query in [ThreadQuery(authors: ["Ann"], order: order), ThreadQuery(authors: ["ann", "Bob"], order: order),
                      ThreadQuery(excludedAuthors: ["Cy"], order: order), ThreadQuery(authors: ["Ann"], unreadOnly: true, order: order)] {
            let walked = try index.threadRows(query, walkAbove: 0)
            let fetched = try index.threadRows(query, walkAbove: .max)
            #expect(walked == fetched, "\(query)")
            #expect(walked.keys.count > 10)
        }
    }

    @Test func readMarksAndAuthorsFollowTheFiles() throws {
        let s = try store(Self.listThreads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let index = try StoreIndex(directory: s.indexDir)
        try IndexedStore(s, index: index).sync()
        #expect(try index.threadRows(ThreadQuery()).unreadThreads == 3)
        try s.updateReadState(thread: "t10", read: ["c"], unread: [])
        #expect(try IndexedStore(s, index: index).sync().readFilesChanged == 1)
        #expect(try index.threadRows(ThreadQuery()).unreadThreads == 2)
        #expect(try index.authors().map(\.name).first == "Cy")
        #expect(try index.authors().first { $0.name.lowercased() == "bob" }?.posts == 2)
        try FileManager.default.removeItem(at: s.threadFile(for: "t1"))
        try IndexedStore(s, index: index).sync()
        #expect(try index.authors().contains { $0.name == "Cy" } == false)
    }

    @Test("titles sort the way people read them", arguments: [
        ("Part 2", "Part 10"), ("a", "B"), ("v1.9", "v1.10"), ("Part 02", "Part 3"), ("x", "x1"),
    ])
    func naturalSortKeys(earlier: String, later: String) {
        #expect(NaturalSortKey.make(earlier) < NaturalSortKey.make(later))
    }

    @Test func theBrowsersBackgroundCheckNoticesAFileReplacedByHand() throws {
        let s = try store(Self.threads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        let catalog = try StoreCatalog(store: s)
        let before = catalog.changeToken()
        let file = s.threadFile(for: "b")
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Tyres", with: "Chains")
        try edited.write(to: file, atomically: true, encoding: .utf8)  // written beside, renamed over
        // The replaced file changed the directory but not the index: asking for the token starts a check.
        var token = catalog.changeToken()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            token = catalog.changeToken()
            if token.hasSuffix("|1") { break }  // one check finished
            usleep(20_000)
        }
        #expect(token != before)
        let keys = try catalog.index.threadRows(ThreadQuery(order: .title)).keys
        #expect(try catalog.index.summaries(keys).values.map(\.title).sorted() == ["Bridges", "Chains"])
    }

    @Test func anImportRecordsThreadsAndTheirWordsOnSeparateStages() throws {
        let root = temporaryDirectory("weft-index").appendingPathComponent("s")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let s = try FileStore(root: root, create: true)
        let index = try StoreIndex(directory: s.indexDir)
        try ImportPipeline(store: s, index: index).merge(Self.threads)
        #expect(try index.textIsComplete())
        #expect(try Set(index.search("flood").map(\.post)) == ["1", "3"])
        // Merging into a stored thread records it again: its old words go, the new post's come.
        var more = Self.threads[1]
        more.posts.append(Post(id: "4", author: "Cy", parent: "3", body: "Chains are lighter than studded tyres."))
        try ImportPipeline(store: s, index: index).merge([more])
        #expect(try index.textIsComplete())
        #expect(try index.search("tyres").map(\.post).sorted() == ["3", "4"])
        #expect(try index.search("flood").count == 2)
        #expect(try IndexedStore(s, index: index).sync().reindexed == 0)
    }

    @Test func wordsAnImportLeftHalfWrittenAreRebuiltOnceTheStoreIsUnlocked() throws {
        let s = try store(Self.threads)
        defer { try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent()) }
        do {
            let index = try StoreIndex(directory: s.indexDir)
            try IndexedStore(s, index: index).sync()
            _ = try index.beginBulk()  // and the import dies here
        }
        // While another process holds the store (an import still running), the index is left alone.
        let lock = try StoreLock(root: s.root)
        let meanwhile = try StoreIndex(directory: s.indexDir)
        #expect(try !meanwhile.textIsComplete())
        #expect(!meanwhile.isEmpty)
        lock.release()
        let reopened = try StoreIndex(directory: s.indexDir)
        #expect(reopened.isEmpty)
        let catalog = try StoreCatalog(store: s, background: false)
        #expect(try catalog.index.textIsComplete())
        #expect(try catalog.index.search("parish").map(\.post) == ["2"])
    }
}
