import Foundation
import Testing
import WeftModel
import WeftStore
@testable import WeftUI

/// Text from strangers never reaches the terminal as a control.
struct HostileContentTests {
    static let hostile = ForumThread(id: "hostile", title: "Title\u{1B}]0;owned\u{07} here", forum: "F", posts: [
        Post(id: "1", author: "ev\u{202E}lin", body: "clip \u{1B}]52;c;aGk=\u{07} then \u{1B}[2J\u{1B}[H cleared?\n\u{9B}31m red"),
        Post(id: "2", author: "\u{1B}[31mred", parent: "1", body: "see http://x/$(touch /tmp/pwned) and `id`;ls"),
    ])

    @Test func noControlCharacterReachesAnyCell() throws {
        let store = try demoStore(extra: [Self.hostile])
        defer { discard(store) }
        for (w, h) in [(120, 40), (80, 24)] {
            let app = makeApp(store, width: w, height: h)
            press(app, "/ text:Title Enter Enter j")
            let grid = app.render()
            for cell in grid.cells {
                #expect(!cell.text.unicodeScalars.contains { TerminalSafe.needsCare($0) }, "control in a cell: \(cell.text.debugDescription)")
            }
            #expect(grid.text.contains("^[]0;owned^G here") || grid.text.contains("Title^[]0;owned^G"))
            #expect(grid.text.contains("^[[31mred"))
            press(app, "k")
            let first = app.render().text
            #expect(first.contains("ev<U+202E>lin"))
            #expect(first.contains("^[]52;c;aGk=^G"))
            #expect(first.contains("<U+009B>31m red"))
        }
    }
}
