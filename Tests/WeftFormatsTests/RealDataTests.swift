import Foundation
import Testing
import WeftTestSupport
@testable import WeftFormats
@testable import WeftModel

/// Imports of the real archives in `../shared/data`, checked against figures computed
/// independently with Python's `mailbox`, `email` and `json` modules. The counts below came from
/// the scripts in this file's comments; the mbox parent links are computed by Python at test time.
@Suite(.enabled(if: SharedData.has("data"), "../shared/data is absent"))
struct RealDataTests {
    static let data = SharedData.url("data")

    /// Real posts (no placeholders) across threads.
    func real(_ threads: [ForumThread]) -> [Post] { threads.flatMap(\.posts).filter { !$0.placeholder } }

    @Test func theKsummitMboxImportsEveryMessageAndLinksEveryReplyToItsParent() throws {
        let batch = try Importer.read(Self.data.appendingPathComponent("mbox-ksummit-discuss/ksummit-discuss.mbox").path)
        let posts = real(batch.threads)
        #expect(posts.count == 759)  // python: len(mailbox.mbox(path))
        for t in batch.threads { ReplyTree(posts: t.posts).checkInvariants() }
        let script = """
            import mailbox, re, json
            ids = lambda v: re.findall(r'<([^<>\\s]+)>', v or '')
            mb = list(mailbox.mbox('mbox-ksummit-discuss/ksummit-discuss.mbox'))
            have = set(ids(m['Message-ID'])[0] for m in mb)
            pairs = {}
            for m in mb:
                irt = ids(m['In-Reply-To'])
                if irt and irt[0] in have: pairs[ids(m['Message-ID'])[0]] = irt[0]
            print(json.dumps(pairs))
            """
        guard let out = runPython(script, in: Self.data),
              let pairs = try JSONSerialization.jsonObject(with: out) as? [String: String] else { return }
        #expect(pairs.count > 600)
        let parentOf = Dictionary(posts.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        let wrong = pairs.filter { parentOf[$0.key] != .some($0.value) }
        #expect(wrong.isEmpty, "replies not linked to their parent: \(wrong.prefix(5))")
        let quoted = posts.filter { !BodyParser.parse($0.body).quotes.isEmpty }.count
        #expect(quoted >= 600)  // python: 625 messages have a line starting with "> "
    }

    // python: for each corpus, distinct Message-IDs and connected components of
    // Message-ID/References/In-Reply-To (union-find) over ids with an "@": default 52 and 24, lkml 176 and 19.
    // (lkml has 23 messages with `In-Reply-To: <yes>` from different lists and years; counting that as an id
    // joined them into one 48-post thread, 7 components in all.)
    static let maildirs: [(String, Int, Int)] = [("default", 52, 24), ("lkml", 176, 19)]

    @Test("notmuch Maildir corpora thread as their References say", arguments: maildirs)
    func maildirThreads(name: String, messages: Int, threads: Int) throws {
        let batch = try Importer.read(Self.data.appendingPathComponent("maildir-notmuch/\(name)").path)
        #expect(real(batch.threads).count == messages)
        #expect(batch.threads.count == threads)
        #expect(!batch.issues.contains { $0.skipped })
        let quoted = real(batch.threads).filter { !BodyParser.parse($0.body).quotes.isEmpty }.count
        #expect(quoted > 0)
        for t in batch.threads { ReplyTree(posts: t.posts).checkInvariants() }
    }

    // python: distinct post ids per topic_id over every JSON file of the folder; replies with a
    // reply_to_post_number whose post is present; posts whose cooked/raw holds a quote.
    static let discourse: [(String, Int, Int, Int)] = [
        ("discourse-api-fixture", 4, 8, 1),
        ("discourse-criticalfallibilism", 11, 155, 118),
        ("discourse-urho3d-sample/json", 49, 4133, 2575),
    ]

    @Test("Discourse topics, posts and reply links", arguments: discourse)
    func discourseTopics(folder: String, topics: Int, posts: Int, linked: Int) throws {
        var threads: [String: ForumThread] = [:]
        for file in Importer.walk(Self.data.appendingPathComponent(folder).path) where file.hasSuffix(".json") {
            for t in try Importer.read(file).threads {
                if threads[t.id] == nil { threads[t.id] = t } else { threads[t.id]!.merge(t) }
            }
        }
        #expect(threads.count == topics)
        #expect(real(Array(threads.values)).count == posts)
        var links = 0
        for t in threads.values {
            ReplyTree(posts: t.posts).checkInvariants()
            let byID = Dictionary(t.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for p in t.posts { if let parent = p.parent.flatMap({ byID[$0] }), parent.number != 1 || p.parent != nil { links += 1 } }
        }
        #expect(links >= linked)
    }

    @Test func discourseQuotesLinkToTheirSourcePosts() throws {
        let file = Self.data.appendingPathComponent("discourse-criticalfallibilism/t_2144_posts.json").path
        let thread = try #require(try Importer.read(file).threads.first)
        let resolver = QuoteResolver(posts: thread.posts)
        var quotes = 0, resolved = 0
        for (i, post) in thread.posts.enumerated() {
            let body = BodyParser.parse(post.body)
            for source in resolver.sources(forPost: PostIndex(i), body: body) {
                quotes += 1
                if source.post != nil { resolved += 1 }
            }
        }
        #expect(quotes > 10)
        #expect(Double(resolved) / Double(quotes) > 0.8, "\(resolved) of \(quotes) quotes resolved")
    }

    // python: walk data[1] recursively: t1 comments, deepest level, "more" stubs; morechildren: distinct t1 names.
    static let reddit: [(String, Int, Int, Int)] = [
        ("AskReddit_6wmniq_which-conspiracy-theory-makes-you-cringe", 200, 7, 192),
        ("IAmA_57dw9a_i-m-american-citizen-undecided-voter-lov", 145, 10, 0),
        ("funny_3hahrw_ba-dum-tsss", 476 + 57, 10, 1),
    ]

    @Test("Reddit threads: comments, depth and more stubs", arguments: reddit)
    func redditThreads(name: String, comments: Int, depth: Int, stubs: Int) throws {
        let batch = try Importer.read(Self.data.appendingPathComponent("reddit/\(name).comments.json").path)
        let thread = try #require(batch.threads.first)
        #expect(thread.realPostCount == comments + 1)  // the submission is the root
        let tree = ReplyTree(posts: thread.posts)
        tree.checkInvariants()
        let deepest = tree.rows.filter { !thread.posts[$0.post].placeholder }.map(\.depth).max()
        #expect(deepest == depth)
        let shownStubs = thread.posts.filter { $0.placeholder && $0.body.contains("more repl") }
        #expect(shownStubs.count >= stubs)
        #expect(!tree.rows.contains { $0.marker == .parentMissing && !thread.posts[$0.post].placeholder })
    }
}
