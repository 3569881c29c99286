import ArgumentParser
import Foundation
import WeftStore
import WeftStoreSource
import WeftUI

/// `weft-bench filter --store S NAME...`: the browser's author filter on an existing store, in process.
struct FilterBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "filter",
                                                    abstract: "Time the browser's author filter on a store (applied and drawn).")

    @Option(help: "The store.") var store: String
    @Option(help: "Runs per author (the median is shown).") var runs = 9
    @Argument(help: "Authors, as typed after a.") var authors: [String]

    func run() throws {
        let catalog = try StoreCatalog(store: try FileStore(root: URL(fileURLWithPath: store)), background: false)
        let app = App(source: catalog, width: 120, height: 40, theme: ThemeLoader.defaultTheme())
        _ = app.render()
        for author in authors {
            let median = ScaleProbe.median((0..<runs).map { _ in
                app.setAuthorFilter("")
                _ = app.render()
                return ScaleProbe.time { app.setAuthorFilter(author); _ = app.render() }
            })
            let name = author.count < 24 ? author + String(repeating: " ", count: 24 - author.count) : author
            print(name + String(format: " %8.1f ms", (median ?? .nan) * 1000))
        }
    }
}
