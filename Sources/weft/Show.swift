import ArgumentParser
import Foundation
import WeftFormats
import WeftModel
import WeftStore

/// `weft show THREAD`: one thread as an indented reply tree.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a thread as an indented reply tree with its posts.")

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The thread's id (as `weft list` prints it).", completion: .custom(StoreOptions.completeThreadIDs))
    var thread: String

    @Option(name: .customLong("author"), help: "Show only this author's posts, with the posts they answer as headers (repeatable).")
    var authors: [String] = []

    @Flag(help: "Print the thread in Weft's JSON thread format.")
    var json = false

    func run() throws {
        let store = try storeOptions.open()
        let loaded: ForumThread
        do { loaded = try store.thread(id: thread) } catch let error as StoreError {
            throw Failure(message: error.description)
        }
        let filter = PostFilter(authors: authors)
        if json {
            var t = loaded
            t.posts = t.posts.filter { filter.matches($0, isRead: false) }
            FileHandle.standardOutput.write(try WeftJSON.encode([t]))
            return
        }
        Output.line(TreeText.render(loaded, filter: filter, read: store.readPosts(thread: loaded.id), zone: .current), terminator: "")
    }
}
