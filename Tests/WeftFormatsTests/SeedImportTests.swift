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
        #expect(intro.hasPrefix("Found another good paper"))
        #expect(quote.style == .quotationMarks)
        #expect(quote.blocks.count == 2)
        #expect(quote.ownText.hasPrefix("Capsular ligament laxity"))
        #expect(quote.ownText.hasSuffix("facet joints of the cervical spine."))
        #expect(parsed.quotes.count == 1)
    }

    @Test func thePaperQuoteHasNoSourceInTheThread() {
        let resolver = QuoteResolver(posts: json.posts)
        let sources = resolver.sources(forPost: 4, body: BodyParser.parse(json.posts[4].body))
        #expect(sources.map(\.post) == [nil])
    }
}
