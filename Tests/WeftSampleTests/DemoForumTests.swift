import Testing
@testable import WeftFormats
@testable import WeftModel
@testable import WeftSample

/// The demo forum must show every feature the browser has.
struct DemoForumTests {
    let threads = try! DemoForum.threads()
    var allPosts: [Post] { threads.flatMap(\.posts) }

    @Test func hasAtLeastFourThreadsAndOneLongEnoughToScroll() {
        #expect(threads.count >= 4)
        #expect(threads.contains { $0.posts.count >= 100 })
        for t in threads { ReplyTree(posts: t.posts).checkInvariants() }
    }

    @Test func nestsRepliesSixDeep() {
        let depth = threads.map { ReplyTree(posts: $0.posts).rows.map(\.depth).max() ?? 0 }.max() ?? 0
        #expect(depth >= 6)
    }

    @Test func showsEveryQuoteStyleAndQuotesOfQuotes() {
        let quotes = allPosts.flatMap { BodyParser.parse($0.body).quotes }
        let styles = Set(quotes.map(\.quote.style))
        #expect(styles == [.prefixed, .bbcode, .quotationMarks])
        #expect(quotes.contains { $0.level >= 2 && $0.quote.style == .bbcode })
        #expect(quotes.contains { $0.level >= 2 && $0.quote.style == .prefixed })
        #expect(quotes.contains { $0.quote.postNumber != nil })
        #expect(quotes.contains { $0.quote.attribution?.hasPrefix("On ") == true })
    }

    @Test func hasAProlificAuthorAnUnnamedOneAndAMissingParent() {
        var counts: [String: Int] = [:]
        for p in allPosts { counts[p.displayAuthor, default: 0] += 1 }
        let top = counts.values.max() ?? 0
        #expect(top >= 30)
        #expect(allPosts.contains { $0.author == nil })
        #expect(threads.contains { ReplyTree(posts: $0.posts).rows.contains { $0.marker == .parentMissing } })
    }

    @Test func hasNonLatinScriptsEmojiLinksAndALongWord() {
        let text = allPosts.map(\.body).joined() + threads.map(\.title).joined()
        #expect(text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) })  // kana
        #expect(text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) })  // Cyrillic
        #expect(text.unicodeScalars.contains { (0xAC00...0xD7AF).contains($0.value) })  // Hangul
        #expect(text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })  // Arabic
        #expect(text.unicodeScalars.contains { $0.properties.isEmojiPresentation })
        #expect(allPosts.contains { !BodyParser.parse($0.body).links.isEmpty })
        #expect(text.split(whereSeparator: \.isWhitespace).contains { $0.count >= 60 })
    }
}
