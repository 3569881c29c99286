import ArgumentParser
import Foundation
import WeftStore

/// Times store-wide searches on an existing store, in process: for profiling one query at a time.
struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Time store-wide searches on a store.")

    @Option(help: "The store.") var store: String
    @Option(help: "Runs per query (the median is shown).") var runs = 7
    @Argument(help: "Queries, as typed after S.") var queries: [String]

    func run() throws {
        let index = try StoreIndex(directory: try FileStore(root: URL(fileURLWithPath: store)).indexDir)
        for query in queries {
            let hits = try index.search(query).count
            let median = Timing.median(runs: runs) { (try? index.search(query).count) ?? 0 }
            let name = query.count < 24 ? query + String(repeating: " ", count: 24 - query.count) : query
            print(name + String(format: " %8.1f ms  (%d hits shown)", median * 1000, hits))
        }
    }
}
