import Foundation
import Testing
@testable import WeftFormats
import WeftModel

/// The rules each source's importer follows, on small fixtures of our own, so they are tested without
/// `../shared`: Discourse's reply numbers, Reddit's comment forest and stubs, and jwz mail threading.
struct SourceRuleTests {
    /// A thread in short: "id<parent" per post ("id<" for a root), placeholders as "[id]".
    static func outline(_ batch: ImportBatch) -> [String] {
        batch.threads.sorted { $0.id < $1.id }.map { thread in
            thread.id + ": " + thread.posts.map { p in
                (p.placeholder ? "[\(p.id)]" : p.id) + "<" + (p.parent ?? "")
            }.joined(separator: " ")
        }
    }

    // MARK: Discourse

    static func discoursePost(_ id: Int, number: Int, replyTo: Int? = nil, topic: Int = 7, raw: String? = nil,
                              cooked: String = "<p>hi</p>", deleted: Bool = false) -> String {
        var fields = ["\"id\": \(id)", "\"username\": \"u\(id)\"", "\"post_number\": \(number)", "\"topic_id\": \(topic)",
                      "\"cooked\": \(String(reflecting: cooked))", "\"created_at\": \"2024-01-0\(number)T10:00:00Z\""]
        if let replyTo { fields.append("\"reply_to_post_number\": \(replyTo)") }
        if let raw { fields.append("\"raw\": \(String(reflecting: raw))") }
        if deleted { fields.append("\"deleted_at\": \"2024-02-01T00:00:00Z\"") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// (rule, response, outline).
    static let discourseCases: [(String, String, [String])] = [
        ("a reply names its parent by number; a post that answers no one answers the first",
         "{\"id\": 7, \"title\": \"T\", \"post_stream\": {\"posts\": [\(discoursePost(70, number: 1)), \(discoursePost(71, number: 2)), \(discoursePost(72, number: 3, replyTo: 2))]}}",
         ["discourse-7: 70< 71<70 72<71"]),
        ("a reply to a post not in the response names it, to be resolved when it arrives",
         "{\"id\": 7, \"post_stream\": {\"posts\": [\(discoursePost(75, number: 5, replyTo: 4))]}}",
         ["discourse-7: 75<#4"]),
        ("latest posts are grouped by topic",
         "{\"latest_posts\": [\(discoursePost(80, number: 1, topic: 8)), \(discoursePost(90, number: 1, topic: 9))]}",
         ["discourse-8: 80<", "discourse-9: 90<"]),
        ("a single post object is a thread of one",
         discoursePost(70, number: 1), ["discourse-7: 70<"]),
    ]

    @Test("Discourse rules", arguments: discourseCases)
    func discourse(rule: String, json: String, expected: [String]) throws {
        #expect(Self.outline(try Importer.read(Data(json.utf8), source: "t.json", format: .discourse)) == expected, "\(rule)")
    }

    /// (rule, post, body, format).
    static let discourseBodies: [(String, String, String, BodyFormat)] = [
        ("raw Markdown is preferred to cooked HTML", discoursePost(1, number: 1, raw: "*hi*", cooked: "<p><em>hi</em></p>"), "*hi*", .markdown),
        ("cooked HTML is read as escaped Markdown", discoursePost(1, number: 1, cooked: "<p><em>hi</em> 2*3</p>"), "*hi* 2\\*3", .html),
        ("a deleted post with nothing left says so", discoursePost(1, number: 1, cooked: "", deleted: true), "(deleted)", .html),
        ("a quote aside keeps its source", discoursePost(1, number: 1, cooked: "<aside class=\"quote\" data-username=\"ann\" data-post=\"3\" data-topic=\"7\"><blockquote><p>yes</p></blockquote></aside><p>no</p>"),
         "[quote=\"ann, post:3, topic:7\"]\nyes\n[/quote]\n\nno", .html),
    ]

    @Test("Discourse bodies", arguments: discourseBodies)
    func discourseBody(rule: String, json: String, body: String, format: BodyFormat) throws {
        let post = try #require(try Importer.read(Data(json.utf8), source: "p.json", format: .discourse).threads.first?.posts.first)
        #expect(post.body == body && post.format == format, "\(rule): \(post.body) (\(post.format))")
    }

    // MARK: Reddit

    static func comment(_ id: String, parent: String, replies: String = "\"\"", body: String = "x") -> String {
        "{\"kind\": \"t1\", \"data\": {\"name\": \"t1_\(id)\", \"id\": \"\(id)\", \"author\": \"a\(id)\", \"parent_id\": \"\(parent)\", \"link_id\": \"t3_s\", \"body\": \"\(body)\", \"created_utc\": 1700000000, \"replies\": \(replies)}}"
    }

    static func listing(_ children: [String]) -> String {
        "{\"kind\": \"Listing\", \"data\": {\"children\": [" + children.joined(separator: ", ") + "]}}"
    }

    static let submission = "{\"kind\": \"t3\", \"data\": {\"name\": \"t3_s\", \"title\": \"S\", \"author\": \"op\", \"selftext\": \"post\", \"subreddit\": \"x\", \"created_utc\": 1700000000}}"

    /// (rule, comments response, outline).
    static let redditCases: [(String, String, [String])] = [
        ("nested replies give the tree, top comments answer the submission",
         "[\(listing([submission])), \(listing([comment("a", parent: "t3_s", replies: listing([comment("b", parent: "t1_a")])), comment("c", parent: "t3_s")]))]",
         ["reddit-s: t3_s< t1_a<t3_s t1_b<t1_a t1_c<t3_s"]),
        ("a \"more\" stub stands in for the replies it lists",
         "[\(listing([submission])), \(listing([comment("a", parent: "t3_s"), "{\"kind\": \"more\", \"data\": {\"id\": \"m\", \"parent_id\": \"t1_a\", \"children\": [\"d\", \"e\"], \"count\": 2}}"]))]",
         ["reddit-s: t3_s< t1_a<t3_s [more_m]<t1_a"]),
    ]

    @Test("Reddit rules", arguments: redditCases)
    func reddit(rule: String, json: String, expected: [String]) throws {
        let batch = try Importer.read(Data(json.utf8), source: "r.json", format: .reddit)
        #expect(Self.outline(batch) == expected, "\(rule)")
        #expect(batch.threads.first?.posts.first?.format == .commonmark)
    }

    // MARK: jwz mail threading

    static func mail(_ id: String, _ subject: String, _ day: Int, _ headers: String = "") -> String {
        "From x Mon Jan  1 00:00:00 2024\nFrom: P <p@x.org>\nSubject: \(subject)\nDate: Mon, \(day) Jan 2024 10:00:00 +0000\nMessage-ID: <\(id)>\n\(headers)\nbody \(id)\n\n"
    }

    /// (rule, mbox, outline).
    static let jwzCases: [(String, String, [String])] = [
        ("In-Reply-To alone links a reply", mail("a@x", "T", 1) + mail("b@x", "Re: T", 2, "In-Reply-To: <a@x>\n"), ["a@x: a@x< b@x<a@x"]),
        ("a reply before its parent in the file still links", mail("b@x", "Re: T", 2, "In-Reply-To: <a@x>\n") + mail("a@x", "T", 1), ["a@x: a@x< b@x<a@x"]),
        ("a missing direct parent stays as a stand-in under the chain's top, for when it arrives",
         mail("a@x", "T", 1) + mail("c@x", "Re: T", 3, "References: <a@x> <gone@x>\n"), ["a@x: [gone@x]<a@x a@x< c@x<gone@x"]),
        ("a missing ancestor above a present parent gives way",
         mail("a@x", "T", 1) + mail("b@x", "Re: T", 2, "References: <a@x>\n") + mail("c@x", "Re: T", 3, "References: <gone@x> <b@x>\n"),
         ["a@x: a@x< b@x<a@x c@x<b@x"]),
        ("a missing message two replies name stays as a stand-in over them",
         mail("x@x", "Q", 2, "In-Reply-To: <lost@x>\n") + mail("y@x", "Re: Q", 3, "In-Reply-To: <lost@x>\n"), ["lost@x: [lost@x]< x@x<lost@x y@x<lost@x"]),
        ("an orphan reply gathers under the root with its subject",
         mail("a@x", "Topic", 1) + mail("x@x", "Re: Topic", 2, "In-Reply-To: <lost@x>\n"), ["a@x: a@x< x@x<a@x"]),
        ("a References loop is broken, not stored: the link that would close it is refused",
         mail("a@x", "T", 1, "References: <b@x>\n") + mail("b@x", "Re: T", 2, "References: <a@x>\n"), ["a@x: a@x<b@x b@x<"]),
        ("unrelated subjects are separate threads", mail("a@x", "One", 1) + mail("b@x", "Two", 2), ["a@x: a@x<", "b@x: b@x<"]),
    ]

    @Test("jwz threading rules", arguments: jwzCases)
    func jwz(rule: String, mbox: String, expected: [String]) throws {
        let batch = try Importer.read(Data(mbox.utf8), source: "m.mbox", format: .mbox)
        #expect(Self.outline(batch) == expected, "\(rule)")
        for thread in batch.threads { ReplyTree(posts: thread.posts).checkInvariants() }
    }
}
