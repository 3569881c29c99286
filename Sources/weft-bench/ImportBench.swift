import ArgumentParser
import Foundation
import WeftFormats
import WeftModel
import WeftStore

/// Import speed in MB/s: the largest real archive at hand and a generated mbox.
///
/// Baselines, run in the same process on the same bytes: `read+scan` (reading
/// the file and finding every line: the floor any importer pays) and, when
/// python3 is installed, Python's `mailbox` module parsing the same file
/// (no threading, no store) as a well-known reference.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import speed on ../shared/data's mbox and a generated mbox.")

    @Flag(help: "10,000 generated messages instead of 100,000, and fewer runs.")
    var quick = false

    @Option(help: "An mbox to measure besides the generated one (default: ../shared/data's ksummit archive).")
    var mbox: String?

    func run() throws {
        let runs = quick ? 3 : 5
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weft-bench-import-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = dir.appendingPathComponent("generated.mbox")
        let count = quick ? 10_000 : 100_000
        try Data(MboxGenerator.mbox(messages: count, threads: count / 10, seed: 7)).write(to: generated)
        var files: [(String, String)] = []
        let real = mbox ?? "../shared/data/mbox-ksummit-discuss/ksummit-discuss.mbox"
        if FileManager.default.fileExists(atPath: real) { files.append(("ksummit-discuss (real)", real)) }
        else { print("note: \(real) is absent; only the generated mbox is measured") }
        files.append(("generated, \(count) messages", generated.path))
        // jwz's missing-root path, which once cost threads × messages: a monthly archive.
        let monthly = dir.appendingPathComponent("monthly.mbox")
        var generator = MboxGenerator(messages: count, threads: count / 10, seed: 7)
        generator.missingRoots = true
        try Data(generator.bytes()).write(to: monthly)
        files.append(("generated monthly archive, every thread's first message missing", monthly.path))
        for (name, path) in files {
            let size = Double(((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0)
            let mb = size / 1_000_000
            let baseline = Timing.median(runs: runs) {
                let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
                return bytes.reduce(0) { $0 &+ ($1 == 10 ? 1 : 0) }
            }
            let parse = Timing.median(runs: runs) {
                (try? Importer.read(path, format: .mbox).threads.count) ?? 0
            }
            let full = ImportBench.indexedImport(path, format: .mbox, into: dir, runs: runs)
            var table = BenchTable(title: "Import: \(name), \(String(format: "%.1f", mb)) MB, median of \(runs) runs",
                                   baselineName: "read+scan", baseline: baseline)
            if let python = PythonMailbox.time(path, runs: quick ? 1 : 3) {
                table.add("python3 mailbox parse (reference)", python, note: String(format: "%.1f MB/s", mb / python))
            }
            table.add("parse + thread", parse, note: String(format: "%.1f MB/s", mb / parse))
            table.add("import into a new store, indexed", full, note: String(format: "%.1f MB/s", mb / full))
            print(table.text)
            print("")
        }
    }
}

/// Times Python's mailbox module over a file, as an outside reference.
enum PythonMailbox {
    static func time(_ path: String, runs: Int) -> Double? {
        let script = """
            import mailbox, sys, time
            ts = []
            for _ in range(\(runs)):
                t = time.perf_counter()
                n = sum(1 for m in mailbox.mbox(sys.argv[1]) if m['Message-ID'] is not None or True)
                ts.append(time.perf_counter() - t)
            ts.sort()
            print(ts[len(ts) // 2])
            """
        return seconds(python: script, argument: path)
    }

    /// Runs a Python 3 script that prints one number of seconds; nil when python3 cannot run it.
    static func seconds(python script: String, argument: String) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Double(String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

extension ImportBench {
    /// The median time of importing `path` into a new store (a fresh one under `dir` each run), indexed.
    static func indexedImport(_ path: String, format: ImportFormat, into dir: URL, runs: Int) -> Double {
        var n = 0
        return Timing.median(runs: runs) {
            n += 1
            let store = try! FileStore(root: dir.appendingPathComponent("store-\(format.rawValue)-\(n)"), create: true)
            let index = try? StoreIndex(directory: store.indexDir)
            index?.prepareForBulkWrites()
            let batch = try! Importer.read(path, format: format)
            return (try? ImportPipeline(store: store, index: index).merge(batch.threads).postsAdded) ?? 0
        }
    }
}
