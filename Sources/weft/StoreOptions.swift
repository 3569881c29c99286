import ArgumentParser
import Foundation
import WeftStore

/// `--store DIR`, shared by every subcommand.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory.", valueName: "dir"),
            completion: .directory)
    var store: String?

    /// The store's directory: --store, else $WEFT_STORE, else $XDG_DATA_HOME/weft.
    var directory: URL {
        let env = ProcessInfo.processInfo.environment
        if let store { return URL(fileURLWithPath: store) }
        if let s = env["WEFT_STORE"], !s.isEmpty { return URL(fileURLWithPath: s) }
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("weft")
        }
        let home = env["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/weft")
    }

    /// Whether the store was named (`--store` or `$WEFT_STORE`) rather than the default place.
    var isNamed: Bool {
        store != nil || !(ProcessInfo.processInfo.environment["WEFT_STORE"] ?? "").isEmpty
    }

    /// Opens the store, creating it when asked; errors become one sentence.
    ///
    /// A named store that does not exist is an error when reading (a typo must not look like an
    /// empty store, or open the demo); the default place may be absent, which is an empty store.
    func open(create: Bool = false) throws -> FileStore {
        if !create, isNamed, !FileManager.default.fileExists(atPath: directory.path) {
            throw Failure(message: "no store at \(directory.path); `weft import --store \(directory.path) FILE…` makes one")
        }
        do { return try FileStore(root: directory, create: create) } catch let error as StoreError {
            throw Failure(message: error.description)
        }
    }

    /// Shell completion of thread ids: those of the store the words so far name (`--store DIR`), else the default one.
    @Sendable static func completeThreadIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        var options = StoreOptions()
        if let i = words.firstIndex(of: "--store"), i + 1 < words.count { options.store = words[i + 1] }
        guard FileManager.default.fileExists(atPath: options.directory.appendingPathComponent("threads").path),
              let store = try? FileStore(root: options.directory), let catalog = try? StoreIndex(directory: store.indexDir) else { return [] }
        if catalog.isEmpty { _ = try? IndexedStore(store, index: catalog).sync() }
        return ((try? catalog.threadTitles()) ?? []).map(\.id).filter { $0.hasPrefix(prefix) }.sorted()
    }
}
