import Foundation
import Testing
import WeftModel
import WeftSample
import WeftStore
import WeftStoreSource
import WeftTestSupport
@testable import WeftUI

/// The in-memory source answers as the store's index does, so UI tests may use either.
struct MemorySourceTests {
    static let queries: [ThreadQuery] = ThreadQuery.Order.allCases.flatMap { order in
        [ThreadQuery(order: order), ThreadQuery(authors: ["marguerite"], order: order),
         ThreadQuery(authors: ["OLU", "tomasz"], order: order), ThreadQuery(excludedAuthors: ["marguerite"], order: order),
         ThreadQuery(unreadOnly: true, order: order), ThreadQuery(authors: ["Dee Coder"], order: order)]
    }

    @Test func theMemorySourceListsCountsAndNamesAsTheIndexDoes() throws {
        let threads = try DemoForum.threads() + [wideFixture, flatFixture, longPostFixture, richFixture]
        let store = try demoStore(extra: [wideFixture, flatFixture, longPostFixture, richFixture])
        defer { discard(store) }
        let catalog = try StoreCatalog(store: store, background: false)
        let memory = MemorySource(threads)
        for thread in threads.prefix(2) {
            let some = Set(thread.posts.prefix(2).map(\.id))
            try catalog.saveReadState(thread: thread.id, read: some, unread: [])
            try memory.saveReadState(thread: thread.id, read: some, unread: [])
        }
        func ids(_ source: ThreadSource, _ q: ThreadQuery) throws -> [String] {
            let rows = try source.listThreads(q)
            let summaries = try source.summaries(rows.keys)
            return rows.keys.map { summaries[$0]?.id ?? "?" } + ["unread \(rows.unreadThreads)"]
        }
        for q in Self.queries {
            #expect(try ids(memory, q) == ids(catalog, q), "\(q)")
            #expect(try memory.postCount(q) == catalog.postCount(q), "\(q)")
        }
        #expect(try memory.authors().map { "\($0.name) \($0.posts)" } == catalog.authors().map { "\($0.name) \($0.posts)" })
        func titled(_ source: ThreadSource, _ text: String) throws -> Set<String> {
            Set(try source.summaries(Array(source.threads(titleContaining: text))).values.map(\.id))
        }
        #expect(try titled(memory, "WINTER") == titled(catalog, "WINTER") && titled(memory, "WINTER").count == 1)
    }
}
