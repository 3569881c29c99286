import Foundation
import WeftModel

/// Deterministic synthetic threads: tree-shaped replies that quote their parents.
enum Generator {
    /// A thread of `posts` posts from a fixed seed.
    static func thread(posts count: Int, seed: UInt64) -> ForumThread {
        var rng = SplitMix(seed: seed)
        let authors = (0..<40).map { "user\($0)" }
        let words = ["thread", "reply", "quote", "ligament", "bridge", "garden", "tyres", "archive", "index",
                     "terminal", "render", "column", "wide", "漢字", "emoji", "🎉", "forum", "mail", "list", "post"]
        var posts: [Post] = []
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        for i in 0..<count {
            let parent = i == 0 ? nil : Int(rng.next() % UInt64(i))
            var body = ""
            if let p = parent, rng.next() % 2 == 0 {
                let quoted = posts[p].body.split(separator: "\n").filter { !$0.hasPrefix(">") }.prefix(2)
                body += "\(posts[p].author ?? "someone") wrote:\n" + quoted.map { "> " + $0 }.joined(separator: "\n") + "\n\n"
            }
            for _ in 0..<(2 + Int(rng.next() % 4)) {
                body += (0..<(8 + Int(rng.next() % 12))).map { _ in words[Int(rng.next() % UInt64(words.count))] }
                    .joined(separator: " ") + ".\n"
            }
            posts.append(Post(id: "m\(i)", author: authors[Int(rng.next() % UInt64(authors.count))],
                              date: start.addingTimeInterval(Double(i) * 600), parent: parent.map { "m\($0)" },
                              body: body))
        }
        return ForumThread(id: "bench-\(count)", title: "Benchmark thread of \(count) posts", forum: "Bench", posts: posts)
    }
}

/// A small, fast, seedable random generator (SplitMix64), so runs are repeatable.
struct SplitMix {
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
