import Foundation

/// The scale benchmark's one table: a row per figure, a column per size, the target last.
struct ScaleTable {
    var columns: [ScaleColumn]
    var runs: Int
    var importRuns: Int
    var mutt: String?

    var text: String {
        var rows: [[String]] = []
        func row(_ name: String, _ target: String, _ value: (ScaleColumn) -> String) {
            rows.append([name] + columns.map(value) + [target])
        }
        /// mutt's figure for the row above, and mutt's time or size over Weft's.
        func besideMutt(_ name: String, _ value: (ScaleColumn) -> String, ratio: (ScaleColumn) -> String,
                        ratioName: String = "mutt ÷ weft") {
            guard mutt != nil else { return }
            row("  mutt " + name, "", value)
            row("  " + ratioName, "", ratio)
        }
        row("messages / threads", "") { "\($0.messages) / \(max(1, $0.messages / 10))" }
        row("mbox size", "") { mb($0.mboxBytes) }
        row("baseline: read the mbox", "") { s($0.readSeconds) }
        row("import, index built", "1M: ≤ 60 s") { s($0.importSeconds) }
        row("  import rate", "") { String(format: "%.1f MB/s", Double($0.mboxBytes) / 1e6 / $0.importSeconds) }
        row("baseline: python3 mailbox parse", "") { s($0.pythonParse) }
        row("  import ÷ python parse", "≤ 0.5×") { ratio($0.importSeconds, $0.pythonParse) }
        row("peak RSS of weft import", "≤ 1 GB") { mb($0.importRSS) }
        row("thread files on disk", "") { mb($0.threadBytes) }
        row("index on disk", "") { mb($0.indexBytes) }
        row("baseline: tmux harness", "") { s($0.harness) }
        row("first screen, tmux", "≤ 0.3 s, flat") { s($0.firstScreen) }
        besideMutt("open (sort=threads), tmux", { s($0.muttOpen) }, ratio: { ratio($0.muttOpen, $0.firstScreen) })
        row("peak RSS while browsing", "≤ 200 MB") { mb($0.rss) }
        besideMutt("peak RSS", { mb($0.muttRSS) }, ratio: { ratio($0.muttRSS.map(Double.init), $0.rss.map(Double.init)) })
        row("author filter (in process)", "≤ 100 ms") { ms($0.filter) }
        row("author filter, tmux", "") { ms($0.filterTmux) }
        besideMutt("limit ~f, tmux", { ms($0.muttLimit) }, ratio: { ratio($0.muttLimit, $0.filterTmux) },
                   ratioName: "mutt ÷ weft (tmux)")
        row("search \(ScaleProbe.word) (in process)", "≤ 200 ms") { ms($0.searchWord) }
        row("search \(ScaleProbe.phrase)", "≤ 200 ms") { ms($0.searchPhrase) }
        row("search \(ScaleProbe.common) (in most posts)", "") { ms($0.searchCommon) }
        row("weft search, whole command", "") { ms($0.commands.search) }
        /// A command's whole run, then its time over `weft search`'s.
        func command(_ name: String, _ value: (CommandTimes) -> Double?) {
            row(name, "") { ms(value($0.commands)) }
            row("  ÷ weft search", "≤ 3×") { ratio(value($0.commands), $0.commands.search) }
        }
        command("weft list --author \(ScaleProbe.author.name) --json") { $0.listAuthor }
        row("  threads listed", "") { "\($0.commands.listAuthorThreads)" }
        command("weft list --author \(ScaleProbe.rareAuthor) --json") { $0.listRareAuthor }
        row("  threads listed", "") { "\($0.commands.listRareAuthorThreads)" }
        command("weft list (every thread)") { $0.list }
        command("weft authors") { $0.authors }
        command("weft export THREAD (Markdown)") { $0.export }
        row("open the biggest thread", "≤ 100 ms") { "\(ms($0.openBig)) (\($0.bigPosts))" }
        row("j/k + frame, biggest thread", "") { ms($0.scrollBig, digits: 3) }
        row("j/k + frame, smallest thread", "") { ms($0.scrollSmall, digits: 3) }
        row("  biggest ÷ smallest", "≈ 1") { ratio($0.scrollBig, $0.scrollSmall) }
        let widths = (0..<(columns.count + 2)).map { i in rows.map { $0[i].count }.max() ?? 0 }
        var out = [
            "Scale: generated mbox (300 Zipf authors, Zipf words, replies quoting parents, one 5,000-post thread);",
            "medians of \(runs) runs (imports: \(importRuns)); release build",
            "machine: \(Machine.description)" + (mutt.map { "; beside \($0)" } ?? "; mutt not installed (apt-get install mutt)"),
            "",
        ]
        let header = ["measure"] + columns.map { ScaleBench.label($0.messages) } + ["target"]
        for r in [header] + rows {
            out.append(r.enumerated().map { i, cell in
                i == 0 || i == r.count - 1 ? pad(cell, widths[i]) : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  "))
        }
        return out.joined(separator: "\n")
    }

    private func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
    private func s(_ v: Double?) -> String { v.map { String(format: "%.2f s", $0) } ?? "-" }
    private func ms(_ v: Double?, digits: Int = 1) -> String { v.map { String(format: "%.\(digits)f ms", $0 * 1000) } ?? "-" }
    private func mb(_ v: Int?) -> String { v.map { String(format: "%.0f MB", Double($0) / 1e6) } ?? "-" }
    private func ratio(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b, b > 0 else { return "-" }
        return String(format: "%.1f×", a / b)
    }
}
