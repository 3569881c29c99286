import Foundation
import WeftStore

/// Starts the terminal browser on a store (filled in with the browser).
struct BrowserLauncher {
    var store: FileStore
    var note: String?
    var author: String?
    var theme: String?
    var ascii: Bool

    func run() throws {
        print(note ?? "store: \(store.root.path)")
    }
}
