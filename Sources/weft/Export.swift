import ArgumentParser
import Foundation
import WeftFormats
import WeftModel
import WeftStore

/// `weft export [THREAD...]`: takes data out of the store.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export threads as Markdown, Weft JSON or mbox.",
        discussion: "Without thread ids, every thread in the store. JSON and mbox import back with the same tree and bodies.")

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "Thread ids (as `weft list` prints them).", completion: .custom(StoreOptions.completeThreadIDs))
    var threads: [String] = []

    @Option(help: "The output format.")
    var format: Exporter.Format

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try storeOptions.open()
        var loaded: [ForumThread] = []
        do {
            let ids = threads.isEmpty ? try Progress.indexing(store) { try IndexedStore(store).summaries(progress: $0) }.summaries.map(\.id).sorted() : threads
            for id in ids { loaded.append(try store.thread(id: id)) }
        } catch let error as StoreError {
            throw Failure(message: error.description)
        }
        let data = try Exporter.export(loaded, as: format)
        if let output {
            do { try AtomicFile.write(data, to: URL(fileURLWithPath: output)) } catch let error as StoreError {
                throw Failure(message: error.description)
            }
        } else {
            if format == .markdown { Output.text(data) } else { FileHandle.standardOutput.write(data) }
        }
    }
}

extension Exporter.Format: ExpressibleByArgument {}
