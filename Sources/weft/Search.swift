import ArgumentParser
import Foundation
import WeftCodec
import WeftModel
import WeftStore

/// `weft search QUERY`: full-text search over every post in the store.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search every post in the store, best matches first.",
        discussion: """
            All words must appear; "words in quotes" must appear together. Matched words are shown in [brackets]. \
            The index (STORE/index/) is brought up to date first; delete it and it is rebuilt.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "Words to find.")
    var words: [String]

    @Option(name: .customLong("author"), help: "Only posts by this author (repeatable).")
    var authors: [String] = []

    @Option(help: "At most this many results.")
    var limit = 50

    @Flag(help: "Print stable JSON (see docs/cli-json.md).")
    var json = false

    func run() throws {
        let store = try storeOptions.open()
        let query = words.joined(separator: " ")
        let (problems, hits) = try Progress.indexing(store) { update in
            let indexed = try IndexedStore(store)
            let synced = try indexed.syncIfDirectoriesChanged(progress: update)
            var found = try indexed.index.search(query, authors: authors, limit: limit)
            // A thread file edited in place since it was indexed: read it again and search again.
            if try indexed.verify(threads: found.map(\.thread)) {
                found = try indexed.index.search(query, authors: authors, limit: limit)
            }
            return (synced.problems, found)
        }
        for problem in problems { Output.error("weft: skipped \(problem.description)") }
        if json {
            struct Hit: Encodable { var thread, title, post, author: String; var date: String?; var snippet: String }
            struct Out: Encodable { var version = 1; var query: String; var results: [Hit] }
            let encoder = JSONFormatting.encoder()
            let out = Out(query: words.joined(separator: " "), results: hits.map {
                Hit(thread: $0.thread, title: $0.title, post: $0.post, author: $0.author,
                    date: $0.date?.formatted(.iso8601), snippet: $0.snippet)
            })
            FileHandle.standardOutput.write(try encoder.encode(out) + Data("\n".utf8))
            return
        }
        if hits.isEmpty { Output.error("weft: nothing matches \(words.joined(separator: " "))") }
        for hit in hits {
            let date = hit.date.map { " · " + DateText.day($0, zone: .current) } ?? ""
            Output.line("\(hit.thread)\t\(hit.post)\t\(hit.author)\(date)\t\(hit.title)")
            Output.line("    " + hit.snippet.replacingOccurrences(of: "\n", with: " "))
        }
    }
}
