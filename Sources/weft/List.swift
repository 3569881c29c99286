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
        // The text shows no participants: it is written from the index's rows in place, no summary made.
        guard json else { return try listRows(store, query) }
        let listing = try Progress.indexing(store) { update in
            try IndexedStore(store).listing(query, titleContaining: grep, progress: update, check: check)
        }
        for problem in listing.problems {
            Output.error("weft: skipped \(problem.description)")
        }
        ListingJSON.write(store: store.root.path, summaries: listing.summaries, problems: listing.problems.map { ($0.path, $0.reason) }) {
            Output.bytes($0)
        }
    }

    /// `weft list` as text: each row's line made from the index's columns as they are read (in the
    /// table's order), then written in the listing's order; on a terminal, each line made safe first.
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
        if Output.stdoutIsTerminal {
            return Output.lines(spans.lazy.map { String(decoding: text[$0.lowerBound..<($0.upperBound - 1)], as: UTF8.self) })
        }
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
