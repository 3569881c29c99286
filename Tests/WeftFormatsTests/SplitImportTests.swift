import Foundation
import Testing
import WeftTestSupport
@testable import WeftFormats
@testable import WeftModel
@testable import WeftStore

/// One import is the same as any split of it: real archives dealt at random into k files, imported in
/// random order (some files in one merge, some in merges of their own, as several `weft import`s do),
/// give the store the whole gives: the same threads, posts, parents and bodies.
@Suite(.enabled(if: SharedData.has("data"), "../shared/data is absent"))
struct SplitImportTests {
    static let data = SharedData.url("data")

    /// What a store holds, thread by thread: each real post's id, author, parent and body.
    static func contents(_ store: FileStore) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for id in try store.summaries().summaries.map(\.id) {
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
            try store.merge(threads)
        }
    }

    /// `items` dealt into `k` random piles, the piles in random groups.
    static func deal<T>(_ items: [T], k: Int, rng: inout SeededRandom) -> (piles: [[T]], groups: [[Int]]) {
        var piles = Array(repeating: [T](), count: k)
        for item in items.shuffled(using: &rng) { piles[Int.random(in: 0..<k, using: &rng)].append(item) }
        piles.removeAll { $0.isEmpty }
        var order = Array(piles.indices).shuffled(using: &rng)
        var groups: [[Int]] = []
        while !order.isEmpty {
            let n = Int.random(in: 1...order.count, using: &rng)
            groups.append(Array(order.prefix(n)))
            order.removeFirst(n)
        }
        return (piles, groups)
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
            let (piles, groups) = Self.deal(posts, k: k, rng: &rng)
            let files = try piles.enumerated().map { try write($1, "s\(seed)-k\(k)-\($0).json") }
            let store = try FileStore(root: dir.appendingPathComponent("split-\(seed)-\(k)"), create: true)
            try Self.importGroups(groups.map { $0.map { files[$0] } }, into: store)
            #expect(try Self.contents(store) == expected, "seed \(seed), \(k) files")
            // Importing it all again changes nothing.
            try Self.importGroups([files], into: store)
            #expect(try Self.contents(store) == expected, "seed \(seed), \(k) files, again")
        }
    }

    @Test(arguments: [1])
    func anMboxDealtIntoFilesGivesTheWholeArchive(seed: UInt64) throws {
        let text = try String(contentsOf: Self.data.appendingPathComponent("mbox-ksummit-discuss/ksummit-discuss.mbox"), encoding: .utf8)
        var messages: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("From ") && !current.isEmpty { messages.append(current); current = "" }
            current += line + "\n"
        }
        if !current.isEmpty { messages.append(current) }
        let dir = temporaryDirectory("weft-split-mbox")
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = try FileStore(root: dir.appendingPathComponent("whole"), create: true)
        let wholeFile = dir.appendingPathComponent("whole.mbox")
        try Data(messages.joined().utf8).write(to: wholeFile)
        try Self.importGroups([[wholeFile]], into: whole)
        let expected = try Self.contents(whole)
        var rng = SeededRandom(seed: seed)
        for k in [3, 12] {
            let (piles, groups) = Self.deal(messages, k: k, rng: &rng)
            let files = try piles.enumerated().map { n, pile -> URL in
                let url = dir.appendingPathComponent("s\(seed)-k\(k)-\(n).mbox")
                try Data(pile.joined().utf8).write(to: url)
                return url
            }
            // In one import, in any order, the files give exactly the whole archive's threads: their mail is
            // threaded together, in date order.
            let one = try FileStore(root: dir.appendingPathComponent("one-\(seed)-\(k)"), create: true)
            let collector = MailCollector()
            for file in files.shuffled(using: &rng) { #expect(try Importer.read(file.path, mail: collector).threads.isEmpty) }
            try one.merge(collector.threads())
            let exact = try Self.contents(one)
            let duplicate = "434c05bddd2b364e607e565227487910a8dd9793.1568391461.git.mchehab+samsung@kernel.org"
            let withoutDuplicate = { (c: [String: [String]]) in c.mapValues { $0.filter { !$0.hasPrefix(duplicate) } } }
            #expect(withoutDuplicate(exact) == withoutDuplicate(expected), "seed \(seed), \(k) files in one import")

            // In several imports (one per group of files), nothing is lost and replies keep their parents:
            let store = try FileStore(root: dir.appendingPathComponent("split-\(seed)-\(k)"), create: true)
            try Self.importGroups(groups.map { $0.map { files[$0] } }, into: store)
            let got = try Self.contents(store)
            // Every message is stored exactly once, with its author and body: nothing lost, nothing doubled.
            let key = { (line: String) -> String in
                let f = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false)
                return "\(f[0])|\(f[1])|\(f[3])"
            }
            // (Left alone: the archive's one Message-ID used by two different messages. In one import the
            // second to be read is kept as <id#2>; in two imports the second is taken for the first.)
            let gotPosts = got.values.flatMap { $0 }.filter { !$0.hasPrefix(duplicate) }
            let wholePosts = expected.values.flatMap { $0 }.filter { !$0.hasPrefix(duplicate) }
            #expect(gotPosts.count == wholePosts.count, "seed \(seed), \(k) files")
            #expect(Set(gotPosts.map(key)) == Set(wholePosts.map(key)), "seed \(seed), \(k) files")
            // Replies keep the parent they name even when it is in another file (a missing parent stays a
            // placeholder until it arrives). Left: a reply whose parent is in another file can be joined to a
            // thread by its subject, as jwz does with orphans, where the whole archive links it by id.
            let same = Set(gotPosts).intersection(wholePosts).count
            #expect(Double(same) >= 0.97 * Double(gotPosts.count), "seed \(seed), \(k) files: \(same) of \(gotPosts.count) with the same parent")
        }
    }
}

/// A seedable generator for shuffles (SplitMix64), so a failing split can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
