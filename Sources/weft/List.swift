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

}
