import Foundation
import Testing
import WeftMarkup
import WeftModel
import WeftSample
import WeftTestSupport
@testable import WeftUI

/// A source that counts what it is asked, to show that drawing asks it nothing.
final class CountingSource: MemorySource {
    var asked = 0
    override func listThreads(_ query: ThreadQuery) throws -> ThreadRows { asked += 1; return try super.listThreads(query) }
    override func summaries(_ keys: [Int64]) throws -> [Int64: ThreadSummary] { asked += 1; return try super.summaries(keys) }
    override func key(ofThread id: String) throws -> Int64? { asked += 1; return try super.key(ofThread: id) }
    override func postCount(_ query: ThreadQuery) throws -> Int { asked += 1; return try super.postCount(query) }
    override func threads(titleContaining text: String) throws -> Set<Int64> { asked += 1; return try super.threads(titleContaining: text) }
    override func loadThread(id: String) throws -> ForumThread { asked += 1; return try super.loadThread(id: id) }
    override func readPosts(thread id: String) -> Set<String> { asked += 1; return super.readPosts(thread: id) }
}

/// `render()` is a function of the state: it asks the source nothing and fills no cache, whatever the
/// keys before it did; what a frame needs is fetched after the action, before the frame.
struct RenderPurityTests {
    @Test(arguments: [
        ("j j Enter", 120, 40),
        ("Enter j j Tab", 120, 40),
        ("Enter x j", 120, 40),
        ("Enter a text:DD Enter", 120, 40),
        ("Enter / text:the Enter n", 120, 40),
        ("Enter Space Space Space", 80, 24),
        ("Enter T j h F Z", 80, 24),
        ("Enter Tab Tab", 80, 24),
        ("S text:the Enter j", 120, 40),
        ("U", 120, 40),
        ("o", 120, 40),
        ("Enter r c", 120, 40),
    ] as [(String, Int, Int)])
    func drawingAsksTheSourceNothingAndFillsNoCache(script: String, width: Int, height: Int) throws {
        let source = CountingSource(try DemoForum.threads())
        let app = App(source: source, width: width, height: height, theme: ThemeLoader.defaultTheme(), now: Date(timeIntervalSince1970: 1_780_000_000))
        app.bodyReader = RichBody.parse
        for word in script.split(separator: " ") {
            press(app, String(word))
            let asked = source.asked
            let fills = app.open?.cacheFills
            let first = app.render()
            #expect(source.asked == asked, "drawing after \(word) of \(script) asked the source")
            #expect(app.open?.cacheFills == fills, "drawing after \(word) of \(script) filled a cache")
            #expect(app.render() == first)
        }
    }

    @Test func aPostReadWhileIdleIsCountedBeforeTheFrame() throws {
        let source = CountingSource(try DemoForum.threads())
        let app = App(source: source, width: 120, height: 40, theme: ThemeLoader.defaultTheme(), now: Date(timeIntervalSince1970: 1_780_000_000))
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        app.clock = { start }
        app.idleRefreshInterval = 3_600
        press(app, "Enter")
        let o = try #require(app.open)
        let unread = o.unreadCount
        #expect(app.idle(now: start.addingTimeInterval(5)))  // shown long enough: read
        let fills = o.cacheFills
        #expect(app.render().text.contains("\(unread - 1) unread"))
        #expect(o.cacheFills == fills)
    }
}
