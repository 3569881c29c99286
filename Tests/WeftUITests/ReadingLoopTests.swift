import Foundation
import Testing
import WeftModel
import WeftStore
@testable import WeftUI

/// The newsreader loop: unread keys, catch-up, room to read, search in the post, save, pipe, copy, `:`.
struct ReadingLoopTests {
    /// The demo at 120x40 with the bicycle thread (15 posts) open at its first post.
    static func bicycle() throws -> (App, FileStore) {
        let (app, store) = try demoApp()
        press(app, "j j Enter")
        #expect(app.open?.thread.title.hasPrefix("Restoring") == true)
        return (app, store)
    }

    @Test func nextUnreadSkipsReadPostsAndGoesOnToTheNextUnreadThread() throws {
        let (app, store) = try Self.bicycle()
        defer { discard(store) }
        app.readDelay = 0
        press(app, "j j")  // posts 1 to 3 read on sight
        press(app, "k k")
        #expect(app.open!.selection == 0)
        press(app, ".")
        #expect(app.open!.selection == 3, "the first unread after the selection")
        press(app, "c")
        #expect(app.open!.unreadCount == 0)
        let before = app.open!.thread.id
        press(app, ".")
        #expect(app.open!.thread.id != before, "nothing unread here: on to the next thread with unread posts")
        #expect(app.message?.text.contains("unread in") == true)
        press(app, "<")
        #expect(app.open!.thread.id != before || app.message?.text == "no unread threads above")
    }

    @Test func catchUpAllAsksAndMarksEveryListedThread() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, "C")
        #expect(app.prompt?.label.contains("Mark all 4 threads") == true)
        press(app, "n")
        #expect(app.message?.text == "nothing marked")
        press(app, "C y")
        #expect(app.render().text.contains("Threads (4)"))
        #expect(try store.readPosts(thread: IndexedStore(store).summaries().summaries[0].id).count > 0)
        // r in the list makes the selected thread unread again, and read again.
        press(app, "r")
        #expect(app.message?.text.hasPrefix("marked") == true && app.message?.text.hasSuffix("unread") == true)
        #expect(app.selectedSummary?.unreadCount == app.selectedSummary?.postCount)
        press(app, "r")
        #expect(app.selectedSummary?.unreadCount == 0)
    }

    @Test func zoomGivesThePostTheScreenAndPlusMinusMoveTheSplit() throws {
        let (app, store) = try Self.bicycle()
        defer { discard(store) }
        press(app, "f")
        #expect(app.layout.list == nil && app.layout.tree == nil && app.layout.post?.width == 120)
        press(app, "f")
        #expect(app.layout.list?.width == 48)
        press(app, "+ +")
        #expect(app.layout.list?.width == 72 && app.layoutOptions.listPercent == 60)
        press(app, "- - - - - - -")
        #expect(app.layoutOptions.listPercent == 20)
        #expect(app.layout.list?.width == 30, "never narrower than a list can be read")
    }

    @Test func slashInThePostFindsItsTextMatchByMatchThenOtherPosts() throws {
        let (app, store) = try Self.bicycle()
        defer { discard(store) }
        press(app, "Tab")
        #expect(app.focus == .post)
        press(app, "/ text:the Enter")
        #expect(app.message?.text.hasPrefix("match 1 of") == true)
        let total = Int(app.message!.text.split(separator: " ").last!)!
        let post = app.open!.selectedPost
        for k in 2...max(2, total) where total >= 2 {
            press(app, "n")
            #expect(app.message?.text == "match \(k) of \(total)")
            #expect(app.open!.selectedPost == post)
        }
        press(app, "n")
        #expect(app.open!.selectedPost != post, "past the last match, the next post with one")
        #expect(app.message?.text.contains("in the next post") == true)
        press(app, "N")
        #expect(app.open!.selectedPost == post)
    }

    @Test func saveAndPipeAndCopyGoThroughTheWiringAndTheBackend() throws {
        let (app, store) = try Self.bicycle()
        defer { discard(store) }
        final class Saved: @unchecked Sendable { var calls: [(Int, String)] = [] }
        let saved = Saved()
        app.saver = { threads, path in saved.calls.append((threads[0].posts.count, path)) }
        press(app, "w C-u text:/tmp/x.md Enter")
        press(app, "W C-u text:/tmp/t.mbox Enter")
        #expect(saved.calls.map(\.0) == [1, 15] && saved.calls.map(\.1) == ["/tmp/x.md", "/tmp/t.mbox"])
        press(app, "|")
        let effects = app.handle(.char("w")) + app.handle(.char("c")) + app.handle(.enter)
        guard case .pipe(let command, let input)? = effects.first else {
            Issue.record("no pipe effect: \(effects)")
            return
        }
        #expect(command == "wc")
        #expect(input.hasPrefix("From: marguerite\n") && input.contains("\n\nI found a 1974 steel touring frame"))
        let copy = app.handle(.char("y"))
        guard case .copy(let text)? = copy.first else {
            Issue.record("no copy effect")
            return
        }
        #expect(text.hasPrefix("I found a 1974"))
    }

    static let commands: [(line: String, check: @Sendable (App) -> Bool)] = [
        ("sort start", { $0.sort == .started }),
        ("sort t", { $0.sort == .title }),
        ("theme light", { $0.theme.name == "light" }),
        ("author marguerite", { $0.filter.authors == ["marguerite"] }),
        ("zoom", { $0.layoutOptions.zoomed }),
        ("cycle-sort", { $0.sort == .started }),  // an old name still runs
        ("frob", { $0.message?.text.hasPrefix("no action \"frob\"") == true && $0.message?.isError == true }),
        ("zoom now", { $0.message?.text == "zoom takes no words" }),
        ("catchup-all nowhere", { $0.message?.text == "no unread thread in the forum nowhere" }),
    ]

    @Test("a : command runs an action by name, with its words", arguments: commands.indices)
    func colonRunsAnActionByName(index: Int) throws {
        let (app, store) = try Self.bicycle()
        defer { discard(store) }
        let (line, check) = Self.commands[index]
        press(app, ":")
        for c in line { app.handle(.char(c)) }
        app.handle(.enter)
        #expect(check(app), "\(line): \(app.message?.text ?? "")")
    }

    @Test func colonCompletesActionNamesWithTab() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        press(app, ": text:catch Tab")
        #expect(app.prompt?.text == "catchup")
        press(app, "Tab")
        #expect(app.prompt?.text == "catchup-all")
    }

    @Test func theArrangementAndThePlaceAreRememberedPerStore() throws {
        let (app, store) = try Self.bicycle()
        defer { discard(store) }
        press(app, "j j j o + q")
        var memory = BrowserMemory()
        app.remember(into: &memory, store: "/s")
        #expect(memory.sort == "started" && memory.listPercent == 50)
        let place = try #require(memory.places["/s"])
        #expect(place.post != nil)
        let again = makeApp(store, width: 120, height: 40)
        again.restore(memory, store: "/s")
        #expect(again.sort == .started && again.layoutOptions.listPercent == 50)
        #expect(again.open?.thread.id == place.thread)
        #expect(again.open.flatMap { o in o.selectedPost.map { o.thread.posts[$0].id } } == place.post)
        let other = makeApp(store, width: 120, height: 40)
        other.restore(memory, store: "/elsewhere")
        #expect(other.open == nil)
    }

    @Test func theMouseSelectsOpensScrollsAndFollowsLinks() throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        let list = try #require(app.layout.list)
        app.handle(mouse: .press(x: list.x + 3, y: list.y + 3))  // the third thread's row
        #expect(app.threadList.selection == 2 && app.open == nil)
        app.handle(mouse: .press(x: list.x + 3, y: list.y + 3))  // again: opens it
        let o = try #require(app.open)
        #expect(app.focus == .tree)
        let tree = try #require(app.layout.tree)
        app.handle(mouse: .press(x: tree.x + 5, y: tree.y + 2))
        #expect(o.selection == 1)
        // The wheel scrolls the pane under it, the focus staying where it was.
        app.handle(mouse: .wheelDown(x: tree.x + 5, y: tree.y + 5))
        #expect(o.selection == 4 && app.focus == .tree)
        app.handle(mouse: .wheelUp(x: list.x + 5, y: list.y + 5))
        #expect(app.threadList.selection == 0 && app.focus == .tree)
        // A press on a link in the post opens it.
        let withLink = try #require(o.visible.firstIndex { !o.parsed(o.tree[$0].post).links.isEmpty })
        app.select(position: withLink, in: o)
        let post = try #require(app.layout.post)
        let lines = PostView.lines(o, post: o.selectedPost!, width: App.postTextWidth(post), query: "", ascii: false, signatures: true)
        // The link where the text shows it: the column of its first span that carries link 0.
        let at = try #require(lines.firstIndex { $0.links.values.contains(0) })
        let span = try #require(lines[at].links.first { $0.value == 0 }?.key)
        let column = lines[at].spans[..<span].reduce(0) { $0 + DisplayWidth.of($1.text) }
        o.postScroll = max(0, at - 2)
        let effects = app.handle(mouse: .press(x: post.x + 1 + column, y: post.y + 2 + at - o.postScroll))
        #expect(effects == [.openURL(o.parsed(o.selectedPost!).links[0].url)])
        #expect(app.handle(mouse: .press(x: post.x + 1, y: post.y + 1)).isEmpty)
    }

    @Test func hintsAndMessagesNameTheKeysAsBound() throws {
        let (app, store) = try Self.bicycle()
        defer { discard(store) }
        #expect(app.render().text.contains("Space:read on s:quote source u:parent a:author ?:help"))
        #expect(app.keymap.apply("bind J quote-source\nunbind s\nbind F2 help\nunbind ?\nunbind F1", file: "k").isEmpty)
        let text = app.render().text
        #expect(text.contains("J:quote source") && text.contains("F2:help"), "\(text)")
        app.handle(.function(9))
        #expect(app.message?.text == "F9 is not bound; F2 shows the keys")
        #expect(app.keymap.apply("unbind F2", file: "k").isEmpty)
        #expect(app.render().text.contains(":help:help"), "an unbound action is named by its : command")
    }
}
