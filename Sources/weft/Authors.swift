import ArgumentParser
import Foundation
import WeftFormats
import WeftModel
import WeftStore

/// `weft authors [THREAD]`: who wrote how much.
struct Authors: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List authors with their post counts, store-wide or in one thread.")

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "A thread id; without one, counts cover the whole store.")
    var thread: String?

    @Flag(help: "Print stable JSON (see docs/cli-json.md).")
    var json = false

    @Flag(help: "Check every thread file against the index first (catches a file edited in place).")
    var check = false

    func run() throws {
        let store = try storeOptions.open()
        var rows: [(name: String, posts: Int, threads: Int?)] = []
        if let thread {
            let t: ForumThread
            do { t = try store.thread(id: thread) } catch let error as StoreError {
                throw Failure(message: error.description)
            }
            rows = Authorship(posts: t.posts).counts(in: t.posts).map { ($0.name, $0.posts, nil) }
        } else {
            // The index's counts, as the browser's author completion shows them.
            let counts = try Progress.indexing(store) { update -> [(name: String, posts: Int, threads: Int)] in
                let indexed = try IndexedStore(store)
                // Trusted until the directories change, like `weft list` (see its --check).
                try indexed.sync(check: check, progress: update)
                return try indexed.index.authorsWithThreads()
            }
            rows = counts.map { ($0.name, $0.posts, $0.threads) }
        }
        if json {
            FileHandle.standardOutput.write(try ListingJSON.authors(thread: thread, counts: rows))
            return
        }
        for row in rows {
            let threads = row.threads.map { "\t\($0) threads" } ?? ""
            Output.line("\(row.name)\t\(row.posts) posts\(threads)")
        }
    }
}
