import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import WeftFormats
import WeftModel
import WeftSample
import WeftStore
import WeftTestSupport
@testable import WeftUI
import WeftStoreSource

/// What the keys do, asserted on the app's state rather than on pictures.
struct BrowserBehaviourTests {
    @Test func readStateIsSavedOnQuitAndShownAfterRestart() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        app.readDelay = 0
        press(app, "j j Enter j j")
        let thread = try #require(app.open?.thread)
        app.quit()
        #expect(app.wantsQuit)
        let saved = try FileStore(root: store.root).readPosts(thread: thread.id)
        #expect(saved.count == 3)
        let again = makeApp(try FileStore(root: store.root), width: 120, height: 40)
        let summary = try #require((0..<again.threadList.count).compactMap { again.threadList.summary(at: $0) }.first { $0.id == thread.id })
        #expect(summary.unreadCount == thread.posts.count - 3)
    }

    @Test func markingUnreadKeepsThePostUnreadUntilTheSelectionMoves() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        app.readDelay = 0
        press(app, "j j Enter r")
        let o = try #require(app.open)
        #expect(!o.read.contains(o.thread.posts[o.selectedPost!].id))
        press(app, "j k")
        #expect(o.read.contains(o.thread.posts[o.selectedPost!].id))
    }

    @Test func quoteSourceJumpsAndBackspaceReturns() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "j j Enter j j j")
        let o = try #require(app.open)
        #expect(o.thread.posts[o.selectedPost!].id == "b4")
        press(app, "s")
        #expect(o.thread.posts[o.selectedPost!].id == "b3")
        press(app, "s")
        #expect(o.thread.posts[o.selectedPost!].id == "b2")
        press(app, "Backspace")
        #expect(o.thread.posts[o.selectedPost!].id == "b4")
    }

    @Test func sFollowsAChainOfQuotesBackToItsStart() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "j j Enter j j")
        let o = try #require(app.open)
        #expect(o.thread.posts[o.selectedPost!].id == "b3")
        let quotedBy = { (id: String) -> String? in
            let i = o.thread.index(ofPost: id)!
            return o.resolver.sources(forPost: i, body: o.parsed(i)).first?.post.map { o.thread.posts[$0].id }
        }
        let first = try #require(quotedBy("b3"))
        let second = try #require(quotedBy(first))
        press(app, "s")
        #expect(o.thread.posts[o.selectedPost!].id == first)
        press(app, "s")
        #expect(o.thread.posts[o.selectedPost!].id == second, "s on the post it landed on follows that post's quote")
    }

    @Test func anUnresolvableQuoteSaysSoInTheStatusLine() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "j Enter")  // the reading group: its first post quotes a book
        #expect(app.open?.thread.id == "reading-group-ch3")
        press(app, "s")
        #expect(app.message?.text.contains("not in this thread") == true)
        #expect(app.message?.isError == true)
    }

    @Test func spaceReadsOnThroughTheWholeThreadInTreeOrder() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "j j Enter")
        let o = try #require(app.open)
        var seen: [Int] = []
        for _ in 0..<60 {
            if seen.last != o.selection { seen.append(o.selection) }
            press(app, "Space")
        }
        #expect(seen == Array(0..<o.visible.count))
        // Each post was paged through, so each is read however fast, and at the end Space goes on
        // to the next thread with unread posts.
        #expect(o.read.count == o.thread.posts.count)
        #expect(app.open !== o && app.open != nil)
    }

    @Test func aPostIsReadOnceShownForTheDelayNotWhenPassedOver() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        let clock = TestClock(fixedNow)
        app.clock = { clock.now }
        app.idleRefreshInterval = 1_000_000  // only the read marks here, not the store's refresh
        press(app, "j j Enter")
        var o: OpenThread { app.open! }
        let first = o.thread.posts[o.selectedPost!].id
        // Passing over posts with the cursor reads nothing.
        press(app, "j j j k k k")
        #expect(o.read.isEmpty)
        // Shown for a second (the idle tick), the post is read.
        clock.now += 0.5
        app.idle(now: clock.now)
        #expect(o.read.isEmpty)
        clock.now += 0.6
        #expect(app.idle(now: clock.now))
        #expect(o.read == [first])
        // Shown long enough and left before the tick: read when left.
        press(app, "j")
        let second = o.thread.posts[o.selectedPost!].id
        clock.now += 2
        press(app, "j")
        #expect(o.read == [first, second])
        // The delay is a setting: 0 reads on sight (the post left, and the one now shown).
        app.readDelay = 0
        press(app, "j")
        #expect(o.read.count == 4)
    }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}

extension BrowserBehaviourTests {

    @Test func collapsingHidesTheSubtreeAndSaysHowMany() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "j j Enter j")
        let o = try #require(app.open)
        let before = o.visible.count
        press(app, "x")
        let row = try #require(o.selectedRow)
        #expect(o.visible.count == before - o.tree[row].descendantCount)
        #expect(o.treeLine(row: row, maxIndent: 10, starter: nil, dim: false, app.paneContext(.tree)).text.contains("▸10 hidden, 10 unread"))
        press(app, "x")
        #expect(o.visible.count == before)
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func theHelpScreenListsEveryActionFromTheTableAndFitsWideScreens(size: (Int, Int)) throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        app.resize(width: size.0, height: size.1)
        press(app, "?")
        let lines = app.pageLines()
        let help = lines.map(\.text).joined(separator: "\n")
        // Help text wraps within its column: every word of it is there.
        for entry in ActionTable.entries {
            for word in entry.help.split(separator: " ") { #expect(help.contains(word), "\(entry.name): \(word)") }
        }
        for line in lines { #expect(DisplayWidth.of(line.text) <= size.0 - 1, "\(line.text)") }
        // Laid out in columns, the whole help fits 120x40 (the page has the screen less two lines).
        if size.0 >= 120 { #expect(lines.count <= size.1 - 2, "\(lines.count) lines") }
    }

    @Test func resizingFollowsTheNewSizeAndTinySizesShowANotice() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "j j Enter")
        for (w, h) in [(80, 24), (39, 9), (1, 1), (0, 0), (200, 60), (60, 20)] {
            app.resize(width: w, height: h)
            let grid = app.render()
            #expect(grid.width == w && grid.height == h)
            if w < Layout.minWidth || h < Layout.minHeight, h > 0, w >= 20 {
                #expect(grid.text.hasPrefix(String("Terminal too small".prefix(max(0, w)))))
            }
        }
    }

    @Test func aTooSmallTerminalSaysWhatItNeedsInFullAndKeysWaitForRoom() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "j j Enter")
        let selection = app.open!.selection
        app.resize(width: 30, height: 8)
        #expect(app.render().text.contains("needs 40x10"), "the size it needs is never cut off")
        press(app, "j j G q")
        #expect(app.open?.selection == selection && app.focus == .tree && !app.wantsQuit)
        app.resize(width: 120, height: 40)
        #expect(app.open?.selection == selection)
        app.resize(width: 30, height: 8)
        press(app, "Q")
        #expect(app.wantsQuit)
    }

    @Test func unknownKeysSayHowToGetHelp() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        app.handle(.function(9))
        #expect(app.message?.text == "F9 is not bound; ? shows the keys")
    }

    @Test func qGoesBackPaneByPaneThenQuits() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "Enter Enter")
        #expect(app.focus == .post)
        press(app, "q")
        #expect(app.focus == .tree && !app.wantsQuit)
        press(app, "q")
        #expect(app.focus == .list && app.open == nil)
        press(app, "q")
        #expect(app.wantsQuit)
    }

    @Test func storeWideSearchListsPostsAndOpensTheChosenOne() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "S text:derailleur Enter")
        let hits = try #require(app.results?.hits)
        #expect(hits.count == 2)  // b3 and b4 hold the word
        #expect(app.render().text.contains("Search: derailleur (2)"))
        press(app, "j Enter")
        let o = try #require(app.open)
        #expect(o.thread.id == "bicycle-restoration")
        #expect(o.thread.posts[o.selectedPost!].id == hits[1].post)
        press(app, "q")
        #expect(app.showingResults)
        press(app, "q")
        #expect(!app.showingResults && !app.wantsQuit)
    }

    @Test func aPressOnEitherRowOfASearchHitSelectsThatHit() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "S text:derailleur Enter")
        let list = try #require(app.layout.list)
        // Each hit takes two rows under the title: the second row of the first hit is still the first hit.
        app.handle(mouse: .press(x: list.x + 3, y: list.y + 2))
        #expect(app.results?.selection == 0 && app.open != nil)
        press(app, "q")
        app.handle(mouse: .press(x: list.x + 3, y: list.y + 3))
        #expect(app.results?.selection == 1 && app.open == nil)
        app.handle(mouse: .press(x: list.x + 3, y: list.y + 4))
        let o = try #require(app.open)
        #expect(o.thread.posts[o.selectedPost!].id == app.results?.hits[1].post)
    }

    @Test func onlyWebAndMailLinksAreOpened() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        #expect(app.openURL("https://example.org/x") == [.openURL("https://example.org/x")])
        #expect(app.openURL("mailto:a@example.org") == [.openURL("mailto:a@example.org")])
        #expect(app.openURL("file:///etc/passwd").isEmpty)
        #expect(app.openURL("javascript:alert(1)").isEmpty)
        #expect(app.message?.isError == true)
    }
}

/// The seed thread in the browser, read from `../shared` (skipped when it is absent).
@Suite(.enabled(if: SharedData.hasSeed, "../shared/seed is absent"))
struct SeedBrowserTests {
    @Test func filteringByDD11ShowsTheirThreePostsAndStepsThroughThem() throws {
        let store = try FileStore(root: temporaryDirectory("weft-seed").appendingPathComponent("seed"), create: true)
        defer { try? FileManager.default.removeItem(at: store.root.deletingLastPathComponent()) }
        try ImportPipeline(store: store).merge(try Importer.threads(from: SharedData.url("seed/seed-thread.json").path))
        let app = makeApp(store, width: 120, height: 40)
        press(app, "Enter a text:dd Tab Enter")
        #expect(app.filterDescription() == "author: DD11 (3 posts)")
        #expect(app.render().text.contains("author: DD11 (3 posts)"))
        let o = try #require(app.open)
        var ids: [String] = []
        for _ in 0..<3 {
            press(app, "n")
            ids.append(o.thread.posts[o.selectedPost!].id)
        }
        #expect(ids == ["p6", "p8", "p12"])
        press(app, "H")
        #expect(o.visible.count == 6)  // p6, p8, p12 and the posts they answer: p1, p7, p9
        #expect(o.matched.filter { $0 }.count == 3)
    }

    @Test func post12AnswersPost9InTheTree() throws {
        let store = try FileStore(root: temporaryDirectory("weft-seed").appendingPathComponent("seed"), create: true)
        defer { try? FileManager.default.removeItem(at: store.root.deletingLastPathComponent()) }
        try ImportPipeline(store: store).merge(try Importer.threads(from: SharedData.url("seed/seed-thread.json").path))
        let app = makeApp(store, width: 120, height: 40)
        press(app, "Enter")
        let o = try #require(app.open)
        let row12 = o.tree.row(ofPost: o.thread.index(ofPost: "p12")!)
        #expect(o.thread.posts[o.tree[o.tree[row12].parentRow!].post].id == "p9")
        o.tree.checkInvariants()
    }
}

/// A store that reads but cannot write, as a read-only mount behaves: one method differs.
final class ReadOnlySource: MemorySource {
    var attempts = 0
    override func saveReadState(thread id: String, read: Set<String>, unread: Set<String>) throws {
        attempts += 1
        throw StoreError.io(path: "/store/read/x.json", errno: EROFS, doing: "create")
    }
}

struct ReadOnlyStoreTests {
    @Test func theBrowserWorksAndSaysOnceThatReadStateCannotBeSaved() throws {
        let source = ReadOnlySource(try DemoForum.threads())
        let app = App(source: source, width: 120, height: 40, theme: ThemeLoader.defaultTheme(), now: fixedNow)
        app.readDelay = 0
        press(app, "j j Enter j")
        press(app, "q")  // leaving the thread saves
        #expect(app.message?.text.hasPrefix("read state cannot be saved") == true)
        #expect(app.message?.text.contains("Read-only file system") == true)
        press(app, "Enter j j q")
        #expect(app.message?.text.hasPrefix("read state cannot be saved") != true)  // said once only
        #expect(source.attempts >= 2)
        #expect(app.open == nil && app.render().text.contains("Threads (4"))
    }

    @Test(arguments: [(120, 40), (80, 24), (200, 60)] as [(Int, Int)])
    func theEndOfAPostOfLongLinesCanBeReachedAtAnySize(_ width: Int, _ height: Int) throws {
        // Lines of 72 to 76 columns wrap in the post pane at 120x40; scrolling once counted them at
        // another width than drawing, so G stopped short of the last lines.
        // Lines of exactly 71 and 72 columns, which wrap at 70 but not at 72.
        let lines = (0..<60).map { n -> String in
            let text = String(("line \(n) " + String(repeating: "wordy ", count: 20)).prefix(71 + n % 2))
            return text.hasSuffix(" ") ? String(text.dropLast()) + "x" : text
        }
        let long = ForumThread(id: "long-lines", title: "Long lines to the end", forum: "Fixtures", posts: [
            Post(id: "l1", author: "ann", date: Date(timeIntervalSince1970: 1_767_000_000),
                 body: lines.joined(separator: "\n") + "\nthe very last line"),
        ])
        let store = try demoStore(extra: [long])
        defer { discard(store) }
        let app = makeApp(store, width: width, height: height)
        press(app, "/ text:Long Enter Enter Tab G")
        #expect(app.focus == .post)
        #expect(snapshotText(app.render()).contains("the very last line"))
    }

    @Test func spaceKeepsALineInViewAndTheScrollMarkCoversNoText() throws {
        let lines = (0..<80).map { "numbered line \($0) of a long post" }
        let long = ForumThread(id: "long-post", title: "Long post to page through", forum: "Fixtures", posts: [
            Post(id: "p1", author: "ann", date: Date(timeIntervalSince1970: 1_767_000_000), body: lines.joined(separator: "\n")),
        ])
        let store = try demoStore(extra: [long])
        defer { discard(store) }
        let app = makeApp(store, width: 80, height: 24)
        press(app, "/ text:Long Enter Enter")
        let o = try #require(app.open)
        let page = app.postPageSize()
        let pane = try #require(app.layout.post)
        let grid = app.render()
        func row(_ y: Int) -> String { (pane.x..<pane.maxX).map { grid[$0, y].text }.joined() }
        // The mark of how far one has read is on the line under the title, not over the last text line.
        #expect(row(pane.y + 1).contains("%"))
        #expect(row(pane.maxY - 1).contains(lines[page - 1]))
        #expect(!row(pane.maxY - 1).contains("%"))
        press(app, "Space")
        #expect(o.postScroll == page - 1)
        #expect(snapshotText(app.render()).contains(lines[page - 1]), "the last line of the page before stays in view")
        press(app, "b")
        #expect(o.postScroll == 0)
    }

    @Test func standInsAreNeitherCountedNorNumberedAsPosts() throws {
        let thread = ForumThread(id: "reddit-x", title: "Stubs", posts: [
            Post(id: "t3_x", author: "op", body: "The question."),
            Post(id: "t1_a", author: "ann", parent: "t3_x", body: "An answer."),
            Post(id: "more_b", parent: "t3_x", body: ForumThread.stubText(191), placeholder: true,
                 references: (0..<191).map { "t1_m\($0)" }),
        ])
        let store = try demoStore(extra: [thread])
        defer { discard(store) }
        let app = makeApp(store, width: 120, height: 40)
        press(app, "S text:question Enter Enter")
        let top = app.render().text
        #expect(top.contains("post 1 of 2"), "\(top)")
        press(app, "G")
        let stub = app.render().text
        #expect(stub.contains("not a post (2 posts)") && stub.contains("More replies, not in this archive"))
        #expect(!stub.contains("of 3"))
    }

    @Test func theListShowsTitlesWithoutTheListTagAndReButTheTreeShowsThemWhole() throws {
        let thread = ForumThread(id: "k@x", title: "Re: [Ksummit-discuss] [PATCH v2] Plans", forum: "ksummit-discuss", posts: [
            Post(id: "k@x", author: "ann", date: fixedNow, body: "Plans."),
        ])
        let store = try demoStore(extra: [thread])
        defer { discard(store) }
        let app = makeApp(store, width: 120, height: 40)
        let list = app.render().text
        #expect(list.contains("[PATCH v2] Plans") && !list.contains("Ksummit-discuss]"))
        press(app, "S text:Plans Enter Enter")
        #expect(app.render().text.contains("Replies: Re: [Ksummit-discuss] [PATCH v2] Plans"))
    }
}
