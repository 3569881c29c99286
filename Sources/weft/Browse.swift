import ArgumentParser
import Foundation
import WeftModel
import WeftSample
import WeftStore
import WeftUI

/// `weft` (or `weft browse`): the terminal browser.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the browser (the default).")

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Open the bundled demo forum instead of the store.")
    var sample = false

    @Option(help: "Start with the author filter on (names separated by commas, !NAME excludes).")
    var author: String?

    @Option(help: ArgumentHelp("A theme name (default, light, mono, high-contrast) or a theme file.", valueName: "name|path"),
            completion: .list(ThemeLoader.bundledNames))
    var theme: String?

    @Flag(help: "Draw the tree with ASCII characters.")
    var ascii = false

    @Option(help: ArgumentHelp("Seconds a post is shown before it counts as read (0: at once).", valueName: "seconds"))
    var readDelay: Double = 1

    func run() throws {
        let (store, note) = try openStore()
        guard readDelay >= 0, readDelay.isFinite else { throw ValidationError("--read-delay must be 0 or more seconds") }
        try BrowserLauncher(store: store, note: note, author: author, theme: theme, ascii: ascii, readDelay: readDelay).run()
    }

    /// The user's store, or the demo forum when asked or when the store is empty.
    private func openStore() throws -> (FileStore, String?) {
        if !sample {
            let store = try storeOptions.open()
            if !store.isEmpty { return (store, nil) }
        }
        let env = ProcessInfo.processInfo.environment
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (env["HOME"] ?? NSTemporaryDirectory()) + "/.cache"
        let dir = URL(fileURLWithPath: cache).appendingPathComponent("weft/demo-forum")
        do {
            let store = try Browse.demoStore(at: dir)
            let why = sample ? "--sample" : "the store \(storeOptions.directory.path) is empty"
            return (store, "Demo forum (\(why)); import with: weft import FILE")
        } catch {
            throw Failure(message: "cannot open the demo forum at \(dir.path): \(error)")
        }
    }

    /// Opens the demo forum as a store at `directory`, writing it there when it is missing.
    ///
    /// Read state kept in that store survives between runs, as in any store.
    static func demoStore(at directory: URL) throws -> FileStore {
        let store = try FileStore(root: directory, create: true)
        let threads = try DemoForum.threads()
        if threads.contains(where: { !FileManager.default.fileExists(atPath: store.threadFile(for: $0.id).path) }) {
            try ImportPipeline(store: store).merge(threads)
        }
        return store
    }
}
