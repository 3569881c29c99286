import Foundation
import Testing
import WeftFormats
import WeftModel
import WeftStore
import WeftTestSupport
@testable import WeftUI

/// Shapes that break naive readers open and browse without recursion limits, in time linear in the input.
/// Each bound is generous (a quadratic algorithm would take minutes); the figures are printed.
struct PathologicalShapeTests {
    func browse(_ thread: ForumThread, keys: String, limit: TimeInterval) throws -> App {
        let store = try FileStore(root: temporaryDirectory("weft-shape").appendingPathComponent("s"), create: true)
        defer { try? FileManager.default.removeItem(at: store.root.deletingLastPathComponent()) }
        let start = Date()
        try ImportPipeline(store: store).merge([thread])
        let app = makeApp(try FileStore(root: store.root), width: 120, height: 40)
        press(app, "Enter")
        _ = app.render()
        press(app, keys)
        _ = app.render()
        let seconds = Date().timeIntervalSince(start)
        print("\(thread.id): stored, opened and browsed in \(String(format: "%.2f", seconds)) s")
        #expect(seconds < limit)
        return app
    }

    @Test func aReplyChainHundredThousandDeepOpensAndBrowses() throws {
        var posts = [Post(id: "0", author: "a", body: "root")]
        for i in 1..<100_000 { posts.append(Post(id: "\(i)", author: "a\(i % 7)", parent: "\(i - 1)", body: "reply \(i)")) }
        let app = try browse(ForumThread(id: "chain", title: "Chain", posts: posts), keys: "G k u x x", limit: 60)
        #expect(app.open?.visible.count == 100_000)
        #expect(app.render().text.contains("[99998]"))  // the capped indent's depth label
    }

    @Test func aHundredThousandSiblingsOpenAndBrowse() throws {
        var posts = [Post(id: "root", author: "a", body: "root")]
        for i in 0..<100_000 { posts.append(Post(id: "\(i)", author: "b", parent: "root", body: "sibling \(i)")) }
        let app = try browse(ForumThread(id: "wide", title: "Wide", posts: posts), keys: "G [ [ ] g j x", limit: 60)
        #expect(app.open?.tree.rows[0].descendantCount == 100_000)
    }

    @Test func quotesTenThousandLevelsDeepRenderAtTheStatedLimit() throws {
        let body = String(repeating: ">", count: 10_000) + " bottom\n\nanswer"
        let app = try browse(ForumThread(id: "deepquote", title: "Q", posts: [Post(id: "1", author: "a", body: body)]),
                             keys: "z", limit: 20)
        let text = app.render().text
        #expect(text.contains("bottom") && text.contains("answer"))
    }

    @Test func aFiftyMegabyteLineAndAHundredMegabytePostAreShownTruncatedWithANote() throws {
        let line = String(repeating: "word ", count: 10_000_000)  // 50 MB, one line
        let huge = String(repeating: String(repeating: "x", count: 99) + "\n", count: 1_000_000)  // 100 MB
        let thread = ForumThread(id: "big", title: "Big", posts: [
            Post(id: "1", author: "a", body: line),
            Post(id: "2", author: "b", parent: "1", body: huge),
        ])
        let app = try browse(thread, keys: "G Tab G", limit: 120)
        let text = app.render().text
        #expect(text.contains("more bytes of this post are not shown"))
    }

    @Test func jsonNestedHundredThousandLevelsIsRefusedWithAMessage() {
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try Importer.read(Data(json.utf8), source: "nested.json")
            Issue.record("accepted 100,000 levels of nesting")
        } catch let error as ImportError {
            #expect(error.source == "nested.json")
            #expect(error.reason.hasPrefix("not valid JSON"))
        } catch { Issue.record("\(error)") }
    }
}
