import ArgumentParser
import Foundation
import WeftFormats
import WeftModel
import WeftStore

/// `weft list`: thread summaries, newest activity first.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the threads in the store.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .customLong("author"), help: "Only threads this author posted in (repeatable).")
    var authors: [String] = []

    @Option(name: .customLong("not-author"), help: "Leave out this author's posts when choosing threads (repeatable).")
    var notAuthors: [String] = []

    @Option(help: "Only threads whose title contains this text.")
    var grep: String?

    @Flag(help: "Print stable JSON (see docs/cli-json.md).")
    var json = false

    @Flag(help: "Check every thread file against the index first (catches a file edited in place).")
    var check = false

    func run() throws {
        let store = try storeOptions.open()
        // The index answers the filter, with the browser's queries: one meaning of "author".
        let query = ThreadQuery(authors: authors, excludedAuthors: notAuthors)
        // Into a pipe, the text is written from the index's rows in place: no summary is made.
        if !json && !Output.stdoutIsTerminal { return try listRows(store, query) }
        // The text shows no participants: they are read for --json only.
        let listing = try Progress.indexing(store) { update in
            try IndexedStore(store).listing(query, titleContaining: grep, participants: json, progress: update, check: check)
        }
        let shown = listing.summaries
        for problem in listing.problems {
            Output.error("weft: skipped \(problem.description)")
        }
        if json {
            ListingJSON.write(store: store.root.path, summaries: shown, problems: listing.problems.map { ($0.path, $0.reason) }) {
                Output.bytes($0)
            }
            return
        }
        let zone = TimeZone.current
        func fields(_ s: ThreadSummary) -> [String] {
            let last = s.lastDate.map { DateText.day($0, zone: zone) } ?? "-"
            let unread = s.unreadCount > 0 ? "\(s.unreadCount) new" : ""
            return [s.id, s.title, s.starter ?? Post.unnamedAuthor, "\(s.postCount) posts", unread, last].filter { !$0.isEmpty }
        }
        Output.rows(shown.lazy.map(fields))
    }

    /// `weft list` as text into a pipe or file: each row's line made from the index's columns as they
    /// are read (in the table's order), then written in the listing's order.
    private func listRows(_ store: FileStore, _ query: ThreadQuery) throws {
        let zone = TimeZone.current
        var text: [UInt8] = []
        var spans: [Range<Int>] = []
        let problems = try Progress.indexing(store) { update in
            try IndexedStore(store).eachListed(query, titleContaining: grep, progress: update, check: check, count: { n in
                spans = Array(repeating: 0..<0, count: n)
                text.reserveCapacity(n * 80)
            }) { k, row in
                let start = text.count
                List.appendLine(row, zone: zone, to: &text)
                spans[k] = start..<text.count
            }
        }
        for problem in problems { Output.error("weft: skipped \(problem.description)") }
        var chunk: [UInt8] = []
        chunk.reserveCapacity((1 << 16) + 4096)
        for span in spans {
            chunk.append(contentsOf: text[span])
            if chunk.count >= 1 << 16 {
                Output.bytes(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { Output.bytes(chunk) }
    }

    /// A thread's line: id, title, starter, "N posts", "M new" when some are, the last day (or "-");
    /// tab-separated, an empty field left out, as the summaries' lines are.
    static func appendLine(_ row: StoreIndex.ListedRow, zone: TimeZone, to out: inout [UInt8]) {
        var first = true
        func field(_ bytes: some Collection<UInt8>) {
            guard !bytes.isEmpty else { return }
            if !first { out.append(0x09) }
            first = false
            out.append(contentsOf: bytes)
        }
        field(row.id)
        field(row.title)
        if let starter = row.starter { field(starter) } else { field(Post.unnamedAuthor.utf8) }
        field("\(row.postCount) posts".utf8)
        if row.unreadCount > 0 { field("\(row.unreadCount) new".utf8) }
        field((row.lastDate.map { DateText.day($0, zone: zone) } ?? "-").utf8)
        out.append(0x0A)
    }
}
