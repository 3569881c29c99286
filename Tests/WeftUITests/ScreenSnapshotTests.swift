import Foundation
import SnapshotTesting
import Testing
import WeftModel
import WeftSample
import WeftTestSupport
@testable import WeftUI

/// Whole screens as text at fixed sizes. `SNAPSHOT_TESTING_RECORD=all swift test` re-records;
/// recording fails the test, so a recorded snapshot is always looked at before it lands.
struct ScreenSnapshotTests {
    /// (name, width, height, keys).
    static let screens: [(String, Int, Int, String)] = [
        ("list", 120, 40, ""),
        ("list", 80, 24, ""),
        ("list", 60, 20, ""),
        ("open-thread", 120, 40, "j j Enter"),
        ("open-thread", 80, 24, "j j Enter"),
        ("open-thread", 60, 20, "j j Enter"),
        ("narrow-tab-cycles-panes", 80, 24, "j j Enter Tab"),
        ("narrow-back-to-list", 80, 24, "j j Enter q"),
        ("read-on-moves-to-next-post", 120, 40, "j j Enter Space Space Space"),
        ("tree-navigation", 120, 40, "j j Enter j j j u ] ["),
        ("collapse-subtree", 120, 40, "j j Enter j x"),
        ("quote-source-jump", 120, 40, "j j Enter j j j s"),
        ("quote-source-cycles", 120, 40, "j j Enter j j j s s"),
        ("quote-source-back", 120, 40, "j j Enter j j j s s Backspace"),
        ("author-prompt-completion", 120, 40, "a text:ma Tab"),
        ("author-filter-list", 120, 40, "a text:olu Enter"),
        ("author-filter-dims-tree", 120, 40, "j j Enter a text:marguerite Enter"),
        ("author-filter-hides-others", 120, 40, "j j Enter a text:marguerite Enter H"),
        ("exclude-author", 120, 40, "j j Enter a text:!marguerite,!tomasz Enter H"),
        ("search-list", 120, 40, "/ text:bicycle Enter"),
        ("search-thread", 120, 40, "j j Enter / text:photo Enter n"),
        ("help", 120, 40, "?"),
        ("help", 80, 24, "?"),
        ("unread-only", 120, 40, "j j Enter Space Space q q U"),
        ("sort-by-title", 120, 40, "o o"),
        ("sort-by-start-shows-start-dates", 120, 40, "o"),
        ("long-thread-scrolls", 80, 24, "Enter G"),
        ("reading-group-bbcode-quotes", 120, 40, "j Enter j j"),
        ("ascii-tree", 120, 40, "j j Enter"),
        ("too-small", 39, 9, ""),
        ("toggle-read", 120, 40, "j j Enter j r"),
        ("page-down", 80, 24, "C-d PgDn"),
        ("link-prompt", 120, 40, "j j Enter G k k k k k l"),
        ("first-and-last", 80, 24, "Enter G k k g"),
        ("page-up-and-half-page-up", 80, 24, "Enter G PgUp C-u"),
        ("shift-tab-cycles-back", 120, 40, "j j Enter S-Tab"),
        ("post-page-up", 60, 20, "j Enter j Space b"),
        ("ctrl-o-goes-back", 120, 40, "j j Enter j j j s C-o"),
        ("filter-by-current-author", 120, 40, "j j Enter j A"),
        ("previous-match", 120, 40, "j j Enter a text:olu Enter N"),
        ("cycle-theme-says-its-name", 120, 40, "t"),
        ("search-escape-restores", 120, 40, "/ text:winter Esc"),
        ("store-search-results", 120, 40, "S text:rust Enter"),
        ("store-search-results", 80, 24, "S text:derailleur Enter"),
        ("store-search-opens-result", 120, 40, "S text:derailleur Enter j Enter"),
    ]

    @Test("screens", arguments: screens)
    func screen(name: String, width: Int, height: Int, keys: String) throws {
        // Store-wide search is ranked by the index's FTS5; every other screen runs on threads in memory.
        let store = name.hasPrefix("store-search") ? try demoStore() : nil
        defer { if let store { discard(store) } }
        let app = try store.map { makeApp($0, width: width, height: height) }
            ?? makeApp(try DemoForum.threads(), width: width, height: height, ascii: name.hasPrefix("ascii"))
        press(app, keys)
        assertSnapshot(of: snapshotText(app.render()), as: .lines, named: "\(name)-\(width)x\(height)")
    }

    static let wideScreens: [(String, Int, Int, String)] = [
        ("wide-text-and-deep-quotes", 120, 40, "G Enter j j j"),
        ("wide-text-and-deep-quotes", 80, 24, "G Enter j j j"),
        ("wide-text-and-deep-quotes", 60, 20, "G Enter j j j"),
        ("long-quote-folded", 120, 40, "G Enter j j j j"),
        ("long-quote-unfolded", 120, 40, "G Enter j j j j z"),
    ]

    @Test("screens with wide characters and deep quotes", arguments: wideScreens)
    func wideScreen(name: String, width: Int, height: Int, keys: String) throws {
        // By title ("o o"): the fixture sorts last.
        try Self.snapshot(extra: wideFixture, select: "o o", name: name, width: width, height: height, keys: keys)
    }

    /// A screen of the demo forum plus one fixture thread, reached by `select` and then `keys`.
    static func snapshot(extra: ForumThread, select: String, name: String, width: Int, height: Int, keys: String,
                         fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function,
                         line: UInt = #line, column: UInt = #column) throws {
        let app = makeApp(try DemoForum.threads() + [extra], width: width, height: height, ascii: name.hasPrefix("ascii"))
        press(app, select)
        press(app, keys)
        assertSnapshot(of: snapshotText(app.render()), as: .lines, named: "\(name)-\(width)x\(height)",
                       fileID: fileID, file: file, testName: testName, line: line, column: column)
    }

    static let flatScreens: [(String, Int, Int, String)] = [
        ("flat-thread-inferred-tree", 120, 40, "Enter j j j"),
        ("flat-thread-inferred-tree", 80, 24, "Enter j j j"),
        ("ascii-flat-thread-inferred-tree", 120, 40, "Enter j j j"),
        ("flat-thread-time-order", 120, 40, "Enter j j j T"),
        ("flat-thread-time-order-and-back", 120, 40, "Enter j j j T T"),
    ]

    @Test("a flat thread's inferred tree, and time order", arguments: flatScreens)
    func flatScreen(name: String, width: Int, height: Int, keys: String) throws {
        try Self.snapshot(extra: flatFixture, select: "/ text:Zebra Enter", name: name, width: width, height: height, keys: keys)
    }

    static let longPostScreens: [(String, Int, Int, String)] = [
        ("long-post-first-page", 120, 40, "Enter"),
        ("long-post-space-keeps-a-line", 120, 40, "Enter Space"),
        ("long-post-space-keeps-a-line", 80, 24, "Enter Space"),
    ]

    @Test("paging through a long post", arguments: longPostScreens)
    func longPostScreen(name: String, width: Int, height: Int, keys: String) throws {
        try Self.snapshot(extra: longPostFixture, select: "/ text:Numbered Enter", name: name, width: width, height: height, keys: keys)
    }

    static let forumPageScreens: [(String, Int, Int, String)] = [
        ("forum-page-quote-and-signature", 120, 40, "Enter j"),
        ("forum-page-signatures-hidden", 120, 40, "Enter j Z"),
        ("forum-page-quote-source", 80, 24, "Enter j s"),
    ]

    @Test("a saved forum page's thread: quotes by post id, signatures apart", arguments: forumPageScreens)
    func forumPageScreen(name: String, width: Int, height: Int, keys: String) throws {
        try Self.snapshot(extra: forumPageFixture, select: "/ text:café Enter", name: name, width: width, height: height, keys: keys)
    }
}

extension ScreenSnapshotTests {
    /// (name, width, height, keys after opening the fixture, theme).
    static let richScreens: [(String, Int, Int, String, String)] = {
        let posts = [("markdown", ""), ("discourse", "j"), ("reddit", "j j"), ("bbcode", "j j j"), ("html-mail", "j j j j"),
                     ("patch", "j j j j j"), ("flowed-mail", "j j j j j j")]
        var screens: [(String, Int, Int, String, String)] = []
        for (name, keys) in posts {
            screens.append(("rich-\(name)", 120, 40, keys + " f", "default"))
            screens.append(("rich-\(name)", 80, 24, keys + " f", "default"))
            screens.append(("rich-\(name)-mono", 120, 40, keys + " f", "mono"))
            screens.append(("rich-\(name)-mono", 80, 24, keys + " f", "mono"))
        }
        screens += [
            ("rich-patch-headers", 120, 40, "j j j j j f h", "default"),
            ("rich-reddit-spoiler-shown", 80, 24, "j j f z", "default"),
            ("rich-flowed-mail-reflowed", 80, 24, "j j j j j j f F", "default"),
            ("rich-tree-subjects", 120, 40, "", "default"),
            ("ascii-rich-markdown", 80, 24, "f", "mono"),
        ]
        return screens
    }()

    @Test("posts as their authors wrote them", arguments: richScreens)
    func richScreen(name: String, width: Int, height: Int, keys: String, theme: String) throws {
        let app = makeApp(try DemoForum.threads() + [richFixture], width: width, height: height, ascii: name.hasPrefix("ascii"))
        app.setTheme(ThemeLoader.load(theme).0)
        press(app, "/ text:Rich Enter Enter g")
        press(app, keys)
        assertSnapshot(of: snapshotText(app.render(), theme: app.theme), as: .lines, named: "\(name)-\(width)x\(height)")
    }
}
