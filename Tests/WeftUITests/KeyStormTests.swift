import Foundation
import Testing
import WeftTestSupport
@testable import WeftUI

/// The stress test's key storm, in process and seeded, so a crash it finds can be replayed here.
struct KeyStormTests {
    static let names = ["j", "k", "g", "G", "Enter", "Tab", "S-Tab", "Space", "b", "u", "[", "]", "s", "Backspace", "C-o", "x",
                        "a", "A", "H", "/", "n", "N", "?", "U", "r", "o", "z", "t", "R", "Esc", "Up", "Down", "Right",
                        "PgUp", "PgDn", "Home", "End", "C-d", "C-u", "C-l", "F1", "F5", "1", "2", "!", ",", ">", "<", ".",
                        "c", "C", "y", "Y", "f", "+", "-", ":", "w", "W", "|", "Z", "T", "l"]

    @Test(arguments: [1, 2, 3, 4])
    func randomKeysAndSizesNeverCrash(seed: UInt64) throws {
        let (app, store) = try demoApp()
        defer { discard(store) }
        app.saver = { _, _ in }
        var rng = SeededRandom(seed: seed)
        for i in 0..<3_000 {
            let name = Self.names[Int.random(in: 0..<Self.names.count, using: &rng)]
            if let key = Key(name: name) { app.handle(key) }
            if i % 97 == 0 { app.resize(width: Int.random(in: 1...200, using: &rng), height: Int.random(in: 1...60, using: &rng)) }
            if i % 13 == 0 { app.handle(mouse: .press(x: Int.random(in: 0...200, using: &rng), y: Int.random(in: 0...60, using: &rng))) }
            if i % 17 == 0 { app.handle(mouse: .wheelDown(x: Int.random(in: 0...200, using: &rng), y: Int.random(in: 0...60, using: &rng))) }
            _ = app.render()
            app.wantsQuitReset()
        }
    }
}

extension App {
    /// The storm goes on past a quit key.
    func wantsQuitReset() { wantsQuit = false }
}
