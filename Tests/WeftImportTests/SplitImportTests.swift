import Foundation
import Testing
import WeftTestSupport
import WeftFormats
import WeftImport
import WeftModel
import WeftStore

/// One import is the same as any split of it: real archives dealt at random into k files, imported in
/// random order (some files in one merge, some in merges of their own, as several `weft import`s do),
/// give the store the whole gives: the same threads, posts, parents and bodies.
@Suite(.enabled(if: SharedData.has("data"), "../shared/data is absent"))
struct SplitImportTests {
    static let data = SharedData.url("data")

    /// What a store holds, thread by thread: each real post's id, author, parent and body.
    static func contents(_ store: FileStore) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for id in try IndexedStore(store).summaries().summaries.map(\.id) {
            let thread = try store.thread(id: id)
            out[id] = thread.posts.filter { !$0.placeholder }
                .map { "\($0.id)|\($0.author ?? "-")|\($0.parent ?? "-")|\($0.body)" }.sorted()
        }
        return out
    }

    /// Imports `files` (already written) in groups: each group is one merge of all its files' threads.
    static func importGroups(_ groups: [[URL]], into store: FileStore) throws {
        for group in groups {
            var threads: [ForumThread] = []
            for file in group { threads += try Importer.read(file.path).threads }
            try ImportPipeline(store: store).merge(threads)
        }
    }

    @Test(arguments: [1, 2])
    func discoursePostsDealtIntoFilesGiveTheWholeTopics(seed: UInt64) throws {
        // Every post object of the folder, once (pages overlap).
        var posts: [[String: Any]] = []
        var seen: Set<Int> = []
        let folder = Self.data.appendingPathComponent("discourse-criticalfallibilism")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".json") {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any]
            let list = (object?["latest_posts"] as? [[String: Any]]) ?? ((object?["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]]) ?? []
            for post in list { if let id = post["id"] as? Int, seen.insert(id).inserted { posts.append(post) } }
        }
        #expect(posts.count == 155)  // python: distinct post ids over every file
        let dir = temporaryDirectory("weft-split-discourse")
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ posts: [[String: Any]], _ name: String) throws -> URL {
            let url = dir.appendingPathComponent(name)
            // One post alone is written as a single post object (`/posts/ID.json`), more as a latest-posts list.
            let data: Data
            if posts.count == 1 {
                data = try JSONSerialization.data(withJSONObject: posts[0])
            } else {
                let list: [String: Any] = ["latest_posts": posts]
                data = try JSONSerialization.data(withJSONObject: list)
            }
            try data.write(to: url)
            return url
        }
        let whole = try FileStore(root: dir.appendingPathComponent("whole"), create: true)
        try Self.importGroups([[write(posts, "whole.json")]], into: whole)
        let expected = try Self.contents(whole)
        #expect(expected.values.reduce(0) { $0 + $1.count } == 155)

        var rng = SeededRandom(seed: seed)
        for k in [5, 40, 155] {
            let (piles, groups) = dealt(posts, k: k, rng: &rng)
            let files = try piles.enumerated().map { try write($1, "s\(seed)-k\(k)-\($0).json") }
            let store = try FileStore(root: dir.appendingPathComponent("split-\(seed)-\(k)"), create: true)
            try Self.importGroups(groups.map { $0.map { files[$0] } }, into: store)
            #expect(try Self.contents(store) == expected, "seed \(seed), \(k) files")
            // Importing it all again changes nothing.
            try Self.importGroups([files], into: store)
            #expect(try Self.contents(store) == expected, "seed \(seed), \(k) files, again")
        }
    }

    @Test func aRedditThreadAndItsMoreChildrenInAnyOrderGiveTheWhole() throws {
        let folder = Self.data.appendingPathComponent("reddit")
        let base = "funny_3hahrw_ba-dum-tsss"
        let dir = temporaryDirectory("weft-split-reddit")
        defer { try? FileManager.default.removeItem(at: dir) }
        func copy(_ suffix: String, into name: String) throws -> URL {
            let sub = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let target = sub.appendingPathComponent(base + suffix)
            try FileManager.default.copyItem(at: folder.appendingPathComponent(base + suffix), to: target)
            return target
        }
        /// Every post with its parent and body, stubs too: a stub that says the wrong count is a difference.
        func everything(_ store: FileStore) throws -> [String] {
            try IndexedStore(store).summaries().summaries.flatMap { try store.thread(id: $0.id).posts }
                .map { "\($0.id)|\($0.parent ?? "-")|\($0.placeholder)|\($0.body)" }.sorted()
        }
        let both = try copy(".comments.json", into: "both")
        _ = try copy(".morechildren.json", into: "both")
        let whole = try FileStore(root: dir.appendingPathComponent("whole"), create: true)
        try Self.importGroups([[both]], into: whole)
        let expected = try everything(whole)
        let comments = try copy(".comments.json", into: "comments")
        let more = try copy(".morechildren.json", into: "more")
        for order in [[comments, more], [more, comments]] {
            let store = try FileStore(root: dir.appendingPathComponent("split-\(order[0].lastPathComponent)"), create: true)
            try Self.importGroups(order.map { [$0] }, into: store)
            #expect(try everything(store) == expected, "\(order.map(\.lastPathComponent))")
        }
        // The stubs the morechildren answered are gone; the rest count only what is still missing.
        let stubs = expected.filter { $0.contains("|true|") }
        let comments1 = try FileStore(root: dir.appendingPathComponent("comments-only"), create: true)
        try Self.importGroups([[comments]], into: comments1)
        #expect(try everything(comments1).filter { $0.contains("|true|") }.count > stubs.count)
    }
}
