import Foundation
import WeftFormats
import WeftModel

extension RepliesBench {
    /// The saved forum pages in `../shared`: how their inferred trees are made, and how well a quote
    /// is linked by its author and text alone (as on phpBB 3.0, whose quotes name no post).
    ///
    /// Where the markup names the quoted post, that is the truth; the post id is then taken out of the
    /// quote and the quote resolved again from what is left, the quoted author and words.
    func forumPageScores() throws {
        let root = shared + "/data/forum-pages"
        guard let folders = try? FileManager.default.contentsOfDirectory(atPath: root).sorted() else {
            print("(skipped the forum pages: \(root) is absent)")
            return
        }
        var rows: [[String]] = [["pages", "threads", "posts", "from quotes", "quotes naming a post", "found by author and text"]]
        var total = (checked: 0, right: 0)
        for folder in folders {
            let path = root + "/" + folder
            let files = Importer.walk(path).filter { $0.hasSuffix(".html") }
            guard !files.isEmpty else { continue }
            let threads = ForumPages.readMirror(files).threads
            let posts = threads.reduce(0) { $0 + $1.realPostCount }
            let fromQuotes = threads.reduce(0) { $0 + $1.posts.filter { $0.inferred == .quote }.count }
            var checked = 0, right = 0
            for thread in threads {
                let numbered = Dictionary(thread.posts.enumerated().compactMap { i, p in p.number.map { ($0, i) } },
                                          uniquingKeysWith: { a, _ in a })
                let stripped = thread.posts.map { post -> Post in
                    var p = post
                    p.body = p.body.replacingOccurrences(of: #", post:[0-9]+""#, with: "\"", options: .regularExpression)
                    return p
                }
                let resolver = QuoteResolver(posts: stripped)
                for (i, post) in thread.posts.enumerated() {
                    let truth = BodyParser.parse(post.body).quotes.map { $0.quote.postNumber.flatMap { numbered[$0] } }
                    let found = resolver.sources(forPost: PostIndex(i), body: BodyParser.parse(stripped[i].body))
                    for (t, source) in zip(truth, found) {
                        guard let t else { continue }
                        checked += 1
                        if source.post?.value == t { right += 1 }
                    }
                }
            }
            total.checked += checked
            total.right += right
            rows.append([folder, "\(threads.count)", "\(posts)",
                         String(format: "%.0f%%", 100 * Double(fromQuotes) / Double(max(1, posts - threads.count))),
                         "\(checked)", checked == 0 ? "-" : String(format: "%.1f%% (%d)", 100 * Double(right) / Double(checked), right)])
        }
        print("Saved forum pages in ../shared: replies linked from quotes, and quotes whose markup names their post,")
        print("resolved again without that id (by the quoted author and words alone, as phpBB 3.0 quotes must be):")
        print(Self.format(rows))
        print(String(format: "all: %d of %d (%.1f%%)", total.right, total.checked, 100 * Double(total.right) / Double(max(1, total.checked))))
        print("")
    }
}
