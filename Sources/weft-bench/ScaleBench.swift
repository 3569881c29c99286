import ArgumentParser
import Foundation
import WeftStore
import WeftUI
import WeftStoreSource

/// The scale benchmark: generated archives of 10k, 100k and 1M messages, as an mbox and as a store.
///
/// For each size it measures import (index included) in MB/s, the first screen
/// under tmux, peak RSS while browsing, the author filter, store-wide search,
/// opening the 5,000-post thread and scrolling it; and, when mutt is installed,
/// mutt's open and limit-by-author on the same mbox in the same run, with the
/// ratio. Every figure is a median of several runs. Baselines run alongside:
/// `cat` reading the mbox (the floor for import) and a trivial program under
/// the same tmux harness (the floor for anything timed on screen).
struct ScaleBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Import, first screen, RSS, author filter, search and a big thread at 10k/100k/1M posts, beside mutt.")

    @Option(parsing: .upToNextOption, help: "Sizes in messages (10k, 100k, 1m).")
    var sizes: [String] = ["10k", "100k", "1m"]

    @Option(help: "Runs per figure (the median is shown).")
    var runs = 5

    @Option(help: "Runs of each import (slow at 1m).")
    var importRuns = 3

    @Option(help: "Where generated archives and stores go (archives are kept and reused).")
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("weft-scale").path

    @Flag(help: "10k only, 3 runs: for CI.")
    var quick = false

    @Flag(help: "Skip mutt even when it is installed.")
    var noMutt = false

    func run() throws {
        let chosen = quick ? ["10k"] : sizes
        let counts = try chosen.map(ScaleBench.parseSize)
        let runs = quick ? 3 : max(1, self.runs)
        let importRuns = quick ? 1 : max(1, self.importRuns)
        let weft = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("weft").path
        guard FileManager.default.isExecutableFile(atPath: weft) else {
            throw ValidationError("\(weft) is missing: build it first (swift build -c release)")
        }
        guard Tmux.available else { throw ValidationError("tmux is not installed; the first screen is timed under tmux") }
        let mutt = noMutt ? nil : Shell.which("mutt")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: "\(work)/run-\(getpid())") }
        var columns: [ScaleColumn] = []
        for messages in counts {
            FileHandle.standardError.write(Data("scale: \(ScaleBench.label(messages)) …\n".utf8))
            var probe = ScaleProbe(messages: messages, work: work, weft: weft, runs: runs, importRuns: importRuns)
            columns.append(try probe.measure(mutt: mutt))
        }
        print(ScaleTable(columns: columns, runs: runs, importRuns: importRuns, mutt: mutt.map(ScaleBench.muttVersion)).text)
    }

    /// "10k" → 10,000; "1m" → 1,000,000.
    static func parseSize(_ text: String) throws -> Int {
        let lower = text.lowercased()
        let multiplier = lower.hasSuffix("k") ? 1_000 : lower.hasSuffix("m") ? 1_000_000 : 1
        guard let n = Int(multiplier == 1 ? lower : String(lower.dropLast())), n > 0 else {
            throw ValidationError("not a size: \(text) (use 10k, 100k, 1m)")
        }
        return n * multiplier
    }

    static func label(_ messages: Int) -> String {
        messages % 1_000_000 == 0 ? "\(messages / 1_000_000)M" : messages % 1_000 == 0 ? "\(messages / 1_000)k" : "\(messages)"
    }

    static func muttVersion(_ path: String) -> String {
        let first = Shell.run(path, ["-v"]).output.split(separator: "\n").first.map(String.init) ?? "mutt"
        return first.trimmingCharacters(in: .whitespaces)
    }
}

/// Opens one thread of a store again and again: for profiling what opening costs.
struct OpenBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Time opening one thread of a store.")

    @Option(help: "The store.") var store: String
    @Option(help: "The thread id.") var thread: String
    @Option(help: "Runs.") var runs = 20

    func run() throws {
        let catalog = try StoreCatalog(store: try FileStore(root: URL(fileURLWithPath: store)), background: false)
        let load = Timing.median(runs: runs) { (try? catalog.loadThread(id: thread).posts.count) ?? 0 }
        let app = App(source: catalog, width: 120, height: 40, theme: ThemeLoader.defaultTheme())
        for _ in 0..<3 { _ = app.handle(.char("o")) }  // by size: the biggest first
        _ = app.handle(.char("g"))
        let open = Timing.median(runs: runs) {
            _ = app.handle(.enter)
            let n = app.render().cells.count
            _ = app.handle(.char("q"))
            _ = app.handle(.char("q"))
            return n
        }
        print(String(format: "load %@: %.1f ms; open the biggest thread and draw it: %.1f ms", thread, load * 1000, open * 1000))
    }
}
