import Foundation
import WeftMarkup
import WeftModel
import WeftSample
import WeftStore
import WeftTestSupport
@testable import WeftUI
import WeftStoreSource

/// A thread of our own with CJK, emoji and quotes nested three deep, plus a long quote to fold.
let wideFixture = ForumThread(id: "fixture-wide", title: "字幕の翻訳 and emoji 🎉 in a deep quote chain", forum: "Fixtures", posts: [
    Post(id: "w1", author: "李小龍", date: Date(timeIntervalSince1970: 1_767_000_000), body: "最初の投稿です。Wide text first: 漢字かなカナ한글 and 🎉🚲 emoji."),
    Post(id: "w2", author: "ann", date: Date(timeIntervalSince1970: 1_767_003_600), parent: "w1",
         body: "李小龍 wrote:\n> 最初の投稿です。Wide text first: 漢字かなカナ한글\n\nAgreed 👍"),
    Post(id: "w3", author: "bob", date: Date(timeIntervalSince1970: 1_767_007_200), parent: "w2",
         body: "ann wrote:\n> 李小龍 wrote:\n>> 最初の投稿です。\n> Agreed 👍\n\nTwo deep."),
    Post(id: "w4", author: "cy", date: Date(timeIntervalSince1970: 1_767_010_800), parent: "w3",
         body: "bob wrote:\n> ann wrote:\n>> 李小龍 wrote:\n>>> 最初の投稿です。Wide text first\n>> Agreed 👍\n> Two deep.\n\nThree deep: 三層の引用 ✅"),
    Post(id: "w5", author: "ann", date: Date(timeIntervalSince1970: 1_767_014_400), parent: "w1",
         body: "A long quote:\n\n> line one\n> line two\n> line three\n> line four\n> line five\n> line six\n> line seven\n> line eight\n\nEnd."),
])

/// A store with the demo forum (and optionally more threads) in a fresh temporary directory.
func demoStore(extra: [ForumThread] = []) throws -> FileStore {
    let store = try FileStore(root: temporaryDirectory("weft-ui").appendingPathComponent("demo"), create: true)
    try ImportPipeline(store: store).merge(try DemoForum.threads() + extra)
    return store
}

/// An app at 120x40 on a fresh demo store; pass the store to ``discard(_:)`` when done.
func demoApp() throws -> (App, FileStore) {
    let store = try demoStore()
    return (makeApp(store, width: 120, height: 40), store)
}

/// Removes a store made by ``demoStore(extra:)``.
func discard(_ store: FileStore) {
    try? FileManager.default.removeItem(at: store.root.deletingLastPathComponent())
}

/// A fixed "now", so dates render the same every day.
let fixedNow = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

/// An app on a store at a size, with the default theme; the index is checked on this thread, so tests are repeatable.
func makeApp(_ store: FileStore, width: Int, height: Int, ascii: Bool = false) -> App {
    let app = App(source: try! StoreCatalog(store: store, background: false), width: width, height: height,
                  theme: ThemeLoader.defaultTheme(), now: fixedNow, ascii: ascii)
    app.bodyReader = RichBody.parse
    return app
}

/// An app on threads held in memory (no SQLite store), at a size, with the default theme.
func makeApp(_ threads: [ForumThread], width: Int, height: Int, ascii: Bool = false) -> App {
    let app = App(source: MemorySource(threads), width: width, height: height,
                  theme: ThemeLoader.defaultTheme(), now: fixedNow, ascii: ascii)
    app.bodyReader = RichBody.parse
    return app
}

/// Sends keys by name ("j", "Enter", "C-d"); "text:WORD" types each character of WORD.
func press(_ app: App, _ script: String) {
    for word in script.split(separator: " ") {
        if word.hasPrefix("text:") {
            for c in word.dropFirst(5) { app.handle(.char(c)) }
        } else if let key = Key(name: String(word)) {
            app.handle(key)
        } else {
            fatalError("unknown key \(word) in test script")
        }
    }
}

/// The screen as a snapshot stores it: the text, then where the roles that carry meaning but do not
/// show in plain text lie: the selection, text dimmed by a filter, search matches, quote levels and
/// errors, as column runs per row.
func snapshotText(_ grid: Grid, theme: Theme? = nil) -> String {
    // Roles by the text they sit in; the marks laid over them (emphasis, a patch's lines, …) each by name.
    let bases: [(String, Role)] = [
        ("selected", .selection), ("dimmed", .dimmed), ("match", .searchMatch),
        ("quote 1", .quote(1)), ("quote 2", .quote(2)), ("quote 3", .quote(3)), ("quote 4", .quote(4)), ("error", .error),
    ]
    var roles: [(String, (Role) -> Bool)] = bases.map { name, base in (name, { (role: Role) -> Bool in role.base == base }) }
    for mark in Mark.allCases {
        roles.append((mark.rawValue, { (role: Role) -> Bool in role.marks.contains(mark) }))
    }
    // With a theme, how the post pane's cells look in it: what a monochrome terminal has to tell roles apart.
    if let theme {
        let attributes: [(String, (Style) -> Bool)] = [("bold", \.bold), ("italic", \.italic), ("underline", \.underline),
                                                        ("reverse", \.reverse), ("dim", \.dim)]
        for (name, has) in attributes {
            roles.append(("\(theme.name) \(name)", { (role: Role) -> Bool in role.base != .selection && role.base != .status && has(theme.style(for: role)) }))
        }
    }
    var out = grid.text + "\n"
    for (name, test) in roles {
        var legend: [String] = []
        for y in 0..<grid.height {
            var runs: [String] = []
            var x = 0
            while x < grid.width {
                guard test(grid[x, y].role) else { x += 1; continue }
                let start = x
                while x < grid.width, test(grid[x, y].role) { x += 1 }
                runs.append("\(start)-\(x - 1)")
            }
            if !runs.isEmpty { legend.append("row \(y): cols " + runs.joined(separator: ", ")) }
        }
        if name == "selected" || !legend.isEmpty {
            out += "--- \(name): " + (legend.isEmpty ? "none" : legend.joined(separator: "; ")) + "\n"
        }
    }
    return out
}

/// A flat forum thread of our own (no reply links), its tree inferred: quote, greetings, an answer back, a default.
let flatFixture: ForumThread = {
    let lines: [(String, String)] = [
        ("ann", "Our club wants to repaint the zebra crossing on Elm Street. Who has done this before?"),
        ("bob", "We did one in 2019. You need the council's permission first."),
        ("cy", "bob wrote:\n> You need the council's permission first.\n\nAnd a road closure notice, two weeks ahead."),
        ("ann", "Thanks cy, I had not thought of the closure."),
        ("dee", "What paint did you use? Thermoplastic lasts longest."),
        ("bob", "Hi dee, we used thermoplastic from the council depot."),
        ("dee", "Good to know, I will ask them."),
    ]
    var thread = ForumThread(id: "fixture-flat", title: "Zebra crossing: a flat forum thread", forum: "Fixtures",
                             posts: lines.enumerated().map { i, p in
        Post(id: "f\(i + 1)", author: p.0, date: Date(timeIntervalSince1970: 1_767_000_000 + Double(i) * 3600),
             body: p.1, inferred: .default)
    })
    thread.inferReplies()
    return thread
}()

/// One post of sixty numbered lines, to page through.
let longPostFixture = ForumThread(id: "fixture-long-post", title: "Numbered lines to page through", forum: "Fixtures", posts: [
    Post(id: "n1", author: "ann", date: Date(timeIntervalSince1970: 1_767_000_000),
         body: (1...60).map { "Line \($0) of sixty, each one numbered so a page's first and last can be told apart." }
            .joined(separator: "\n")),
])

/// A thread as a saved forum page gives it: the forum's post ids as numbers, quotes naming their
/// post, signatures kept apart from the bodies, links inferred.
let forumPageFixture: ForumThread = {
    var thread = ForumThread(id: "example.org-42", title: "Old times on the café board", forum: "General chat", posts: [
        Post(id: "101", author: "Costis", date: Date(timeIntervalSince1970: 1_041_391_680), number: 101,
             body: "Who remembers the café on the corner, the one with the green awning and the terrible coffee?",
             format: .html, inferred: .default, signature: "Costis · Athens · since 1998"),
        Post(id: "102", author: "mariela", date: Date(timeIntervalSince1970: 1_041_545_100), number: 102,
             body: "[quote=\"Costis, post:101\"]\nWho remembers the café on the corner, the one with the green awning\n[/quote]\n\n"
                + "I do! The coffee was awful but the cake was worth the walk.",
             format: .html, inferred: .default, signature: "mariela — baking since 1998\nhttps://example.org/cakes"),
        Post(id: "105", author: "Costis", date: Date(timeIntervalSince1970: 1_041_584_400), number: 105,
             body: "Thanks mariela, I had forgotten the cake entirely.", format: .html, inferred: .default),
    ])
    thread.inferReplies()
    return thread
}()
