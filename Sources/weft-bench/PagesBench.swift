import ArgumentParser
import Foundation
import WeftFormats
import WeftModel
import WeftStore
import WeftCodec

/// Importing a mirrored forum of saved pages, beside Python's `html.parser` merely tokenising the same files.
///
/// The mirror is generated (``PageGenerator``: phpBB 3 pages, 10 posts each, quotes, signatures and
/// index pages), 175,000 posts in about 18,000 pages by default, or taken from `--mirror DIR`. The
/// baseline is Python's `html.parser` fed every file with no-op handlers, run in the same run: the
/// least a Python importer would pay before reading a single field. Weft's figures are the whole
/// import (recognise, extract, merge pages, infer reply links, write the store and its index),
/// and the same without reply inference, to show what inference adds.
struct PagesBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages", abstract: "Import of a mirrored forum's saved pages, beside Python's html.parser tokenising them.")

    @Flag(help: "12,000 posts instead of 175,000, and one run of each.")
    var quick = false

    @Option(help: "Posts in the generated mirror.")
    var posts: Int?

    @Option(help: "A folder of saved pages to measure instead of the generated one.")
    var mirror: String?

    func run() throws {
        let runs = quick ? 1 : 3
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weft-bench-pages-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source: URL
        var description: String
        if let mirror {
            source = URL(fileURLWithPath: mirror)
            description = mirror
        } else {
            source = dir.appendingPathComponent("mirror")
            let made = try PageGenerator.write(posts: posts ?? (quick ? 12_000 : 175_000), into: source)
            description = "generated phpBB 3 mirror: \(made.pages) thread pages, \(made.posts) posts, "
                + "\(made.threads) threads, \(String(format: "%.0f", Double(made.bytes) / 1e6)) MB"
        }
        let files = Importer.walk(source.path)
        let bytes = files.reduce(0) { $0 + (FileState.of($1)?.size ?? 0) }
        let mb = Double(bytes) / 1e6
        guard let python = PythonHTMLParser.time(source.path, runs: runs) else {
            print("Pages: python3 is not installed; the baseline cannot be measured")
            return
        }
        var imported = 0
        var n = 0
        func importAll(infer: Bool) -> Double {
            Timing.median(runs: runs, warmups: 0) {
                n += 1
                let store = try! FileStore(root: dir.appendingPathComponent("store-\(n)"), create: true)
                defer { try? FileManager.default.removeItem(at: store.root) }
                let index = try? StoreIndex(directory: store.indexDir)
                index?.prepareForBulkWrites()
                let batch = ForumPages.readMirror(files, inferReplies: infer)
                imported = batch.threads.reduce(0) { $0 + $1.realPostCount }
                return (try? ImportPipeline(store: store, index: index).merge(batch.threads).postsAdded) ?? 0
            }
        }
        let read = Timing.median(runs: runs, warmups: 0) {
            ForumPages.readMirror(files).threads.count
        }
        let flat = importAll(infer: false)
        let full = importAll(infer: true)
        var table = BenchTable(title: "Pages: \(description), \(files.count) files, median of \(runs) runs",
                               baselineName: "python html.parser", baseline: python)
        table.add("read pages, merge, infer (no store)", read, note: String(format: "%.1f MB/s", mb / read))
        table.add("import, indexed, without inference", flat, note: String(format: "%.1f MB/s", mb / flat))
        table.add("import, indexed (what weft import does)", full,
                  note: String(format: "%.1f MB/s; %@ python's tokenising", mb / full, full < python ? "faster than" : "SLOWER than"))
        print(table.text)
        let overhead = (full / flat - 1) * 100
        print(String(format: "posts imported: %d; reply inference adds %.0f%% to the import (target: at most 20%%)%@",
                     imported, overhead, overhead <= 20 ? "" : " MISSED"))
    }
}

/// Times Python's html.parser tokenising every file of a folder (no-op handlers), as the baseline.
enum PythonHTMLParser {
    static func time(_ folder: String, runs: Int) -> Double? {
        let script = """
            import os, sys, time
            from html.parser import HTMLParser
            class Tokens(HTMLParser):
                def handle_starttag(self, tag, attrs): pass
                def handle_endtag(self, tag): pass
                def handle_data(self, data): pass
            files = sorted(os.path.join(r, f) for r, _, fs in os.walk(sys.argv[1]) for f in fs)
            ts = []
            for _ in range(\(runs)):
                t = time.perf_counter()
                for f in files:
                    with open(f, encoding='utf-8', errors='replace') as h:
                        p = Tokens(convert_charrefs=True)
                        p.feed(h.read())
                        p.close()
                ts.append(time.perf_counter() - t)
            ts.sort()
            print(ts[len(ts) // 2])
            """
        return PythonMailbox.seconds(python: script, argument: folder)
    }
}
