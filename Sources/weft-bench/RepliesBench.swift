import ArgumentParser
import Foundation
import WeftFormats
import WeftModel
import WeftStore

/// `weft-bench replies`: how well reply links are recovered in flat threads, against the truth.
///
/// Discourse topics carry real reply links (`reply_to_post_number`). Each topic
/// is flattened the way flat forums show it (``ReplyInference/flatten(_:)``),
/// inferred again, and scored beside two baselines computed in the same run:
/// every post answers the first post, and every post answers the one before.
/// The seed thread is scored against the links in `seed-thread.json`.
struct RepliesBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replies",
        abstract: "Reply inference on flattened Discourse topics and the seed, beside two baselines.")

    @Option(help: "The folder holding data/ and seed/.")
    var shared = "../shared"

    @Flag(help: "Fewer timing runs, for CI.")
    var quick = false

    @Flag(help: "Score only; leave out the timing.")
    var noTiming = false

    @Flag(help: "Time only; leave out the scores.")
    var noScores = false

    func run() throws {
        if !noScores { try scores() }
        if !noTiming { try timing() }
    }

    private func scores() throws {
        print("Reply inference: Discourse topics flattened (quotes as \"name wrote:\" and \"> \" lines, no post")
        print("numbers, no reply links), inferred, and scored against reply_to_post_number; the seed against")
        print("seed-thread.json. machine: \(Machine.description)")
        print("")
        var sets: [(String, [ForumThread])] = []
        let data = shared + "/data"
        if FileManager.default.fileExists(atPath: data) {
            sets.append(("criticalfallibilism", try threads(in: data + "/discourse-criticalfallibilism")))
            sets.append(("urho3d", try threads(in: data + "/discourse-urho3d-sample/json")))
        } else {
            print("(skipped the Discourse sets: \(data) is absent)")
        }
        var table: [[String]] = [["set", "topics", "replies", "inferred", "first-post", "previous-post", "margin"]]
        var signals: [[String]] = []
        var quotes: [[String]] = [["set", "quote links checked", "point to the quoted post"]]
        for (name, threads) in sets {
            var score = ReplyInference.Score()
            for thread in threads { score.add(ReplyInference.flatten(thread)) }
            table.append(row(name, topics: threads.count, score))
            signals.append(contentsOf: reasonRows(name, score))
            let q = score.quoteLinks
            quotes.append([name, "\(q.checked)",
                           String(format: "%.1f%% (%d)", 100 * Double(q.right) / Double(max(1, q.checked)), q.right)])
        }
        if let seed = try seedScore() {
            table.append(row("seed", topics: 1, seed))
            signals.append(contentsOf: reasonRows("seed", seed))
        } else {
            print("(skipped the seed: \(shared)/seed/seed-thread.json is absent)")
        }
        print(Self.format(table))
        print("")
        print("margin: inferred accuracy minus the better baseline, in points (target: ≥ 15 on each Discourse set)")
        print("")
        print(Self.format([["set", "signal", "links", "right", "precision"]] + signals))
        print("")
        print("Quote links against the post each quote names (Discourse post:N, removed before inference; target ≥ 97%):")
        print(Self.format(quotes))
        print("")
        try forumPageScores()
    }

    /// Every thread of a folder's JSON files, merged by id (a topic's pages overlap).
    private func threads(in folder: String) throws -> [ForumThread] {
        var byID: [String: ForumThread] = [:]
        var order: [String] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            for thread in try Importer.threads(from: folder + "/" + file) {
                if byID[thread.id] == nil { order.append(thread.id); byID[thread.id] = thread } else { byID[thread.id]!.merge(thread) }
            }
        }
        return order.map { byID[$0]! }
    }

    /// The seed with its `parent` keys removed, read through Weft's JSON import, scored against them.
    private func seedScore() throws -> ReplyInference.Score? {
        let path = shared + "/seed/seed-thread.json"
        guard let data = FileManager.default.contents(atPath: path),
              var object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              var thread = object["thread"] as? [String: Any], var posts = thread["posts"] as? [[String: Any]]
        else { return nil }
        let truthIDs = posts.map { $0["parent"] as? String }
        for i in posts.indices { posts[i].removeValue(forKey: "parent") }
        thread["posts"] = posts
        object["thread"] = thread
        let flatData = try JSONSerialization.data(withJSONObject: object)
        guard let flat = try Importer.threads(from: flatData, source: path, format: .json).first else { return nil }
        let index = Dictionary(flat.posts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let truth = truthIDs.map { $0.flatMap { index[$0] } }
        var unlinked = flat
        for i in unlinked.posts.indices { unlinked.posts[i].parent = nil; unlinked.posts[i].inferred = .default }
        var score = ReplyInference.Score()
        score.add(ReplyInference.FlattenedThread(thread: unlinked, truth: truth))
        return score
    }

    /// Inference of the 5,000-post thread of a generated archive made flat, beside parsing its bodies.
    ///
    /// The archive is `weft-bench scale`'s kind (Zipf authors and words, replies quoting their parents);
    /// its biggest thread, flattened, is also scored, so the timing is of a thread with real signals.
    private func timing() throws {
        let runs = quick ? 3 : 11
        let archive = MboxGenerator(messages: 21_000, threads: 1_000, seed: 11).bytes()
        let threads = try Importer.threads(from: Data(archive), source: "generated", format: .mbox)
        defer {
            // (CI's quick run leaves out the generated archive's two imports, the slowest part.)
            if !quick {
                print("")
                try? importCost(threads, label: "generated threads", runs: 3)
            }
            let urho = shared + "/data/discourse-urho3d-sample/json"
            if FileManager.default.fileExists(atPath: urho), let real = try? self.threads(in: urho) {
                print("")
                try? importCost(real, label: "Urho3D topics (real forum posts)", runs: quick ? 1 : 3, html: urho)
            }
        }
        guard let big = threads.max(by: { $0.posts.count < $1.posts.count }) else { return }
        let flattened = ReplyInference.flatten(big)
        var flat = flattened.thread
        let parse = Timing.median(runs: runs) { flat.posts.reduce(0) { $0 + BodyParser.parse($1.body).blocks.count } }
        let infer = Timing.median(runs: runs) { ReplyInference(posts: flat.posts).links().count }
        let whole = Timing.median(runs: runs) {
            var copy = flat
            copy.inferReplies()
            return copy.posts.count
        }
        flat.inferReplies()
        var score = ReplyInference.Score()
        score.add(flattened)
        var table = BenchTable(
            title: "Reply inference, the generated archive's biggest thread made flat (\(flat.posts.count) posts), median of \(runs) runs",
            baselineName: "parse-bodies", baseline: parse)
        table.add("infer every link", infer, target: 1.0)
        table.add("inferReplies (links written)", whole, target: 1.0)
        print(table.text)
        print(String(format: "(its links: %.1f%% inferred right; first-post %.1f%%, previous-post %.1f%%)",
                     score.percent(score.correct), score.percent(score.firstBaseline), score.percent(score.previousBaseline)))
    }

    /// What inference adds to an import: the same threads as Weft JSON with their links, and without.
    ///
    /// With `html`, also the import of the same posts from their source, whose bodies are HTML read
    /// through libxml2 as a saved forum page's are: what inference adds to an import of pages.
    private func importCost(_ threads: [ForumThread], label: String, runs: Int, html: String? = nil) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weft-bench-replies-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var linked: [ForumThread] = []
        var flats: [ForumThread] = []
        for thread in threads {
            let flat = ReplyInference.flatten(thread)
            flats.append(flat.thread)
            var t = flat.thread
            for i in t.posts.indices {
                t.posts[i].inferred = nil
                t.posts[i].parent = flat.truth[i].map { t.posts[$0].id }
            }
            linked.append(t)
        }
        // The same document twice: with `parent` keys (links given) and without (links to infer).
        let data = try WeftJSON.encode(linked)
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = object["threads"] as? [[String: Any]] else { return }
        object["threads"] = list.map { thread -> [String: Any] in
            var t = thread
            t["posts"] = (thread["posts"] as? [[String: Any]] ?? []).map { var p = $0; p.removeValue(forKey: "parent"); return p }
            return t
        }
        let linkedPath = dir.appendingPathComponent("linked.json").path
        let flatPath = dir.appendingPathComponent("flat.json").path
        try data.write(to: URL(fileURLWithPath: linkedPath))
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: flatPath))
        let given = ImportBench.indexedImport(linkedPath, format: .json, into: dir.appendingPathComponent("linked"), runs: runs)
        let inferred = ImportBench.indexedImport(flatPath, format: .json, into: dir.appendingPathComponent("flat"), runs: runs)
        let posts = linked.reduce(0) { $0 + $1.posts.count }
        let alone = Timing.median(runs: runs) {
            flats.reduce(0) { n, thread in
                var t = thread
                t.inferReplies()
                return n + t.posts.count
            }
        }
        var table = BenchTable(
            title: "Import of \(threads.count) \(label) (\(posts) posts) as Weft JSON into a new store, indexed, median of \(runs) runs",
            baselineName: "links given", baseline: given)
        table.add("links inferred (no parent keys)", inferred,
                  note: String(format: "%+.0f%% (target ≤ +20%%)", (inferred / given - 1) * 100))
        table.add("  inference alone, in process", alone, note: "-")
        if let html {
            let source = ImportBench.indexedImport(html, format: .auto, into: dir.appendingPathComponent("html"), runs: runs)
            table.add("import from the source (HTML bodies)", source, note: "-")
            table.add("  inference alone ÷ that import", alone, note: String(format: "%+.0f%% (target ≤ +20%%)", alone / source * 100))
        }
        print(table.text)
    }

    private func row(_ name: String, topics: Int, _ s: ReplyInference.Score) -> [String] {
        let better = max(s.firstBaseline, s.previousBaseline)
        return [name, "\(topics)", "\(s.replies)", pct(s, s.correct), pct(s, s.firstBaseline), pct(s, s.previousBaseline),
                String(format: "%+.1f", s.percent(s.correct) - s.percent(better))]
    }

    private func reasonRows(_ name: String, _ s: ReplyInference.Score) -> [[String]] {
        ReplyReason.allCases.compactMap { reason in
            guard let r = s.byReason[reason] else { return nil }
            return [name, reason.rawValue, "\(r.links)", "\(r.correct)",
                    String(format: "%.1f%%", 100 * Double(r.correct) / Double(max(1, r.links)))]
        }
    }

    private func pct(_ s: ReplyInference.Score, _ n: Int) -> String {
        String(format: "%.1f%% (%d)", s.percent(n), n)
    }

    /// Columns padded to their widest cell.
    static func format(_ rows: [[String]]) -> String {
        let widths = rows.reduce(into: [Int]()) { w, row in
            for (i, cell) in row.enumerated() {
                if w.count <= i { w.append(0) }
                w[i] = max(w[i], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - $1.count + 2) }.joined()
        }.joined(separator: "\n")
    }
}
