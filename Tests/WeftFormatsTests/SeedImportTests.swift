import Foundation
import Testing
import WeftTestSupport
@testable import WeftFormats
@testable import WeftModel

/// The seed thread, read from `../shared/seed` (never copied into the repository).
@Suite(.enabled(if: SharedData.hasSeed, "../shared/seed is absent"))
struct SeedImportTests {
    let text = try! Importer.threads(from: SharedData.url("seed/seed.txt").path)[0]
    let json = try! Importer.threads(from: SharedData.url("seed/seed-thread.json").path)[0]

    @Test func thePlainTextPageGivesThirteenPostsWithExactBodies() throws {
        #expect(text.posts.count == 13)
        #expect(text.forum == "Living With Facial Pain")
        #expect(text.title == "Prolotherapy for Trigeminal Neuralgia anyone tried it?")
        #expect(text.posts.map(\.body) == json.posts.map(\.body))
        #expect(text.posts.allSatisfy { $0.author == nil && $0.date == nil })
    }

    @Test func theJSONReadingImportsAsItIs() {
        #expect(json.posts.count == 13)
        #expect(json.id == "prolotherapy-for-tn")
        #expect(json.posts.filter { $0.author == "DD11" }.count == 3)
        #expect(json.posts.first { $0.id == "p12" }?.parent == "p9")
        #expect(json.posts.first { $0.id == "p10" }?.author == nil)
        #expect(json.posts.allSatisfy { $0.date == nil })
        ReplyTree(posts: json.posts).checkInvariants()
    }

    @Test func theFifthPostQuotesThePaperAsOnePassage() {
        let parsed = BodyParser.parse(json.posts[4].body)
        #expect(parsed.blocks.count == 2)
        guard case .paragraph(let intro) = parsed.blocks[0], case .quote(let quote) = parsed.blocks[1] else {
            Issue.record("expected a paragraph then a quote, got \(parsed.blocks)")
            return
        }
        #expect(intro.plain.hasPrefix("Found another good paper"))
        #expect(quote.style == .quotationMarks)
        #expect(quote.blocks.count == 2)
        #expect(quote.ownText.hasPrefix("Capsular ligament laxity"))
        #expect(quote.ownText.hasSuffix("facet joints of the cervical spine."))
        #expect(parsed.quotes.count == 1)
    }

    @Test func thePaperQuoteHasNoSourceInTheThread() {
        let resolver = QuoteResolver(posts: json.posts)
        let sources = resolver.sources(forPost: PostIndex(4), body: BodyParser.parse(json.posts[4].body))
        #expect(sources.map(\.post) == [PostIndex?.none])
    }
}

/// The seed's reply tree, inferred without its links and compared with `seed-thread.json`.
@Suite(.enabled(if: SharedData.hasSeed, "../shared/seed is absent"))
struct SeedInferenceTests {
    @Test func theSeedWithoutItsParentKeysGetsAtLeastTenOfItsTwelveLinks() throws {
        let url = SharedData.url("seed/seed-thread.json")
        let truth = try Importer.threads(from: url.path)[0]
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var thread = object["thread"] as! [String: Any]
        thread["posts"] = (thread["posts"] as! [[String: Any]]).map { var p = $0; p.removeValue(forKey: "parent"); return p }
        object["thread"] = thread
        let flat = try Importer.threads(from: JSONSerialization.data(withJSONObject: object), source: "seed", format: .json)[0]
        #expect(flat.posts.allSatisfy { $0.inferred != nil })
        let right = zip(flat.posts, truth.posts).dropFirst().filter { $0.parent == $1.parent }.count
        #expect(right >= 10, "\(right) of 12 links as in seed-thread.json")
        // DD11's answer to sparky1's question, and sparky1's greeting of DD11.
        #expect(flat.posts[11].parent == "p9" && flat.posts[11].inferred == .conversation)
        #expect(flat.posts[8].parent == "p8" && flat.posts[8].inferred == .salutation)
    }

    @Test func theTextPageHasNoAuthorsSoOnlyItsThankYousLinkPastTheFirstPost() throws {
        let page = try Importer.threads(from: SharedData.url("seed/seed.txt").path)[0]
        #expect(page.posts[0].inferred == .opening && page.posts[0].parent == nil)
        // "Thanks for reply" (post 7) and "Thanks for added detail" (post 13) thank the post before,
        // as seed-thread.json says; with no names known, the rest answer the first post.
        let position = Dictionary(uniqueKeysWithValues: page.posts.enumerated().map { ($1.id, $0 + 1) })
        var thanked: [[Int]] = []
        for (i, post) in page.posts.enumerated().dropFirst() {
            let parent = post.parent.flatMap { position[$0] } ?? 0
            if post.inferred == .thanks { thanked.append([i + 1, parent]) } else {
                #expect(parent == 1 && post.inferred == .default, "post \(i + 1)")
            }
        }
        #expect(thanked == [[7, 6], [13, 12]])
    }
}
