import ArgumentParser
import Foundation
import WeftModel
import WeftStore
import WeftUI
import WeftStoreSource

/// `weft-bench`: measures what the browser costs, as medians against a baseline run in the same process.
///
/// Machines here are noisy, so every figure is a median of many runs and is
/// printed with its ratio to a named baseline measured in the same run:
/// `blank-grid` (allocating and blanking a grid of the same size), the
/// least any frame can cost.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weft-bench",
        abstract: "Benchmarks: rendering, and importing mail, as medians against baselines run alongside.",
        subcommands: [All.self, RenderBench.self, ImportBench.self, ScaleBench.self, RepliesBench.self, PagesBench.self, OpenBench.self, SearchBench.self, FilterBench.self, Generate.self],
        defaultSubcommand: All.self)
}

/// Every benchmark, one table each.
struct All: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "all", abstract: "Run every benchmark (the default).")

    @Flag(help: "Small sizes and fewer runs, for CI.")
    var quick = false

    func run() throws {
        let flags = quick ? ["--quick"] : []
        try RenderBench.parse(flags).run()
        print("")
        try ImportBench.parse(flags).run()
        print("")
        try RepliesBench.parse(flags).run()
        print("")
        try PagesBench.parse(flags).run()
        print("")
        try ScaleBench.parse(flags).run()
    }
}

/// Frame rendering.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "A full 200x60 frame of a 500-post thread, and key to drawn frame.")

    @Flag(help: "Fewer runs, for CI.")
    var quick = false

    @Option(help: "Posts in the generated thread.")
    var posts = 500

    func run() throws {
        let runs = quick ? 30 : 300
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weft-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        try ImportPipeline(store: store).merge([Generator.thread(posts: posts, seed: 42)])
        let app = App(source: try StoreCatalog(store: store, background: false), width: 200, height: 60, theme: ThemeLoader.defaultTheme(),
                      now: Date(timeIntervalSince1970: 1_780_000_000))
        app.handle(.enter)
        _ = app.render()

        let baseline = Timing.median(runs: runs) {
            var grid = Grid(width: 200, height: 60)
            grid.fill(Rect(x: 0, y: 0, width: 200, height: 60), role: .normal)
            return grid.cells.count
        }
        let frame = Timing.median(runs: runs) { app.render().cells.count }
        var down = true
        let keyToFrame = Timing.median(runs: runs) {
            // Alternate j and k so the selection stays in the thread's first screens.
            app.handle(.char(down ? "j" : "k"))
            down.toggle()
            return app.render().cells.count
        }
        var table = BenchTable(title: "Rendering, \(posts)-post thread, 200x60, median of \(runs) runs",
                               baselineName: "blank-grid", baseline: baseline)
        table.add("full frame (render)", frame, target: 0.002)
        table.add("key to drawn frame (j/k + render)", keyToFrame, target: 0.002)
        print(table.text)
    }
}

/// Times a closure many times and takes the median.
enum Timing {
    /// The median wall time of `body`, in seconds, after a few warm-up runs.
    static func median(runs: Int, warmups: Int = 3, _ body: () -> Int) -> Double {
        var sink = 0
        for _ in 0..<warmups { sink &+= body() }
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            sink &+= body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        if sink == 42 { print("") }  // keeps the work from being optimised away
        samples.sort()
        return samples[samples.count / 2]
    }
}

/// One table of figures with their ratio to the baseline.
struct BenchTable {
    var title: String
    var baselineName: String
    var baseline: Double
    var rows: [(String, Double, String)] = []

    mutating func add(_ name: String, _ seconds: Double, target: Double? = nil) {
        let verdict = target.map { seconds <= $0 ? "≤ \(ms($0)) ok" : "> \(ms($0)) MISSED" } ?? "-"
        rows.append((name, seconds, verdict))
    }

    mutating func add(_ name: String, _ seconds: Double, note: String) {
        rows.append((name, seconds, note))
    }

    var text: String {
        var out = [title, "machine: \(Machine.description)", ""]
        out.append(pad("measure", 36) + pad("median", 14) + pad("× \(baselineName)", 16) + "target / rate")
        out.append(pad("baseline: \(baselineName)", 36) + pad(ms(baseline), 14) + pad("1.0", 16) + "-")
        for (name, s, verdict) in rows {
            out.append(pad(name, 36) + pad(ms(s), 14) + pad(String(format: "%.1f", s / baseline), 16) + verdict)
        }
        return out.joined(separator: "\n")
    }

    private func ms(_ s: Double) -> String { String(format: "%.3f ms", s * 1000) }
    private func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(1, n - s.count)) }
}

/// What machine the figures came from.
enum Machine {
    static var description: String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }
}

/// Writes a generated mbox, for stress tests and manual benchmarks.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a deterministic generated mbox, or a mirrored forum's pages.")

    @Option(help: "Messages.") var messages = 10_000
    @Option(help: "Threads.") var threads = 1_000
    @Option(help: "Random seed.") var seed: UInt64 = 7
    @Option(help: "Prefix for Message-IDs and subjects, so several files do not overlap.") var idPrefix = "m"
    @Option(help: "Instead of an mbox, a mirrored phpBB forum of this many posts, as a folder of pages.") var pages: Int?
    @Option(name: .shortAndLong, help: "Output file (or folder, with --pages).") var output: String

    func run() throws {
        if let pages {
            let made = try PageGenerator.write(posts: pages, into: URL(fileURLWithPath: output), seed: seed)
            print("\(made.pages) thread pages, \(made.posts) posts, \(made.threads) threads, \(made.bytes) bytes")
            return
        }
        try MboxGenerator(messages: messages, threads: threads, seed: seed, idPrefix: idPrefix).write(to: output)
    }
}
