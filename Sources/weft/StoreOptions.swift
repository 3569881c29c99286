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

    /// Opens the store, creating it when asked; errors become one sentence.
    func open(create: Bool = false) throws -> FileStore {
        do { return try FileStore(root: directory, create: create) } catch let error as StoreError {
            throw Failure(message: error.description)
        }
    }
}
