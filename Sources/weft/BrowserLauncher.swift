import ArgumentParser
import Foundation
import WeftCurses
import WeftFormats
import WeftMarkup
import WeftModel
import WeftStore
import WeftUI
import WeftStoreSource

/// Wires the store, theme, keys and terminal together and runs the browser.
struct BrowserLauncher {
    var store: FileStore
    var note: String?
    var author: String?
    var theme: String?
    var ascii: Bool
    /// Seconds a post is shown before it counts as read.
    var readDelay: Double = 1

    func run() throws {
        var messages: [String] = []
        if let note { messages.append(note) }
        var (memory, memoryNote) = StateFile.load()
        if let memoryNote { messages.append(memoryNote) }
        var made: App?
        var notes: [String] = []
        let keymap = loadKeymap(&messages, notes: &notes)
        let catalog = try openCatalog()
        let status: Int32
        do {
            status = try CursesTerminal.run { caps in
                var (chosen, themeError) = ThemeLoader.load(theme ?? memory.theme ?? "default")
                if let themeError { messages.append(themeError) }
                if caps.colors == 0 { chosen = ThemeLoader.load("mono").0 }
                let app = App(source: catalog, width: caps.width, height: caps.height, theme: chosen,
                              keymap: keymap, ascii: ascii || !caps.utf8)
                app.readDelay = readDelay
                app.bodyReader = RichBody.parse
                app.timeZone = .current
                app.saver = BrowserLauncher.save
                app.restore(memory, store: store.root.path)
                if let author { app.setAuthorFilter(author) }
                made = app
                if !messages.isEmpty { app.say(messages.joined(separator: " · "), error: themeError != nil) }
                if !notes.isEmpty { app.showNotes(title: "Mistakes in the keys file", notes) }
                return app
            }
        } catch let error as CursesTerminal.StartError {
            throw Failure(message: error.description)
        }
        if let made {
            made.remember(into: &memory, store: store.root.path)
            StateFile.save(memory)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// `w` and `W` in the browser: the threads in the format the path's extension names (Markdown by default).
    static func save(_ threads: [ForumThread], to path: String) throws {
        let format: Exporter.Format = path.hasSuffix(".mbox") ? .mbox : path.hasSuffix(".json") ? .json : .markdown
        do {
            try AtomicFile.write(try Exporter.export(threads, as: format), to: URL(fileURLWithPath: path))
        } catch let error as StoreError {
            throw Failure(message: error.description)
        }
    }

    /// The store's index, built first (with progress on stderr) when it is missing.
    private func openCatalog() throws -> StoreCatalog {
        try Progress.indexing(store) { update in try StoreCatalog(store: store, progress: update) }
    }

    /// The default keys plus the user's `$XDG_CONFIG_HOME/weft/keys`, if any.
    private func loadKeymap(_ messages: inout [String], notes: inout [String]) -> Keymap {
        var keymap = Keymap.standard
        let env = ProcessInfo.processInfo.environment
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (env["HOME"] ?? "/") + "/.config"
        let path = config + "/weft/keys"
        if let data = FileManager.default.contents(atPath: path) {
            let errors = keymap.apply(String(decoding: data, as: UTF8.self), file: path)
            // Every mistake, on stderr before the screen starts and on a page in the browser.
            for error in errors { Output.error("weft: \(error)") }
            if !errors.isEmpty {
                notes = errors.map(\.description) + ["", "Those lines were skipped; the rest of the file applies."]
            }
        }
        return keymap
    }
}
