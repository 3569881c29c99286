import Testing
@testable import WeftModel

struct QuoteResolverTests {
    let thread: [Post] = [
        Post(id: "1", author: "ann", number: 1, body: "The bridge at Karlsbad was rebuilt in 1890 after the flood."),
        Post(id: "2", author: "bob", parent: "1", number: 2, body: "I doubt that; the parish records say 1893 instead."),
        Post(id: "3", author: "ann", parent: "2", number: 3, body: "Then the records disagree with the plaque on the bridge."),
        Post(id: "4", author: "cy", parent: "3", number: 4, body: """
            [quote="bob, post:2, topic:1"]
            parish records
            [/quote]
            ann wrote:
            > Then the records disagree with the plaque

            Someone said:
            > the bridge at Karlsbad was rebuilt in 1890

            > words that nobody in this thread ever wrote down
            """),
    ]

    @Test func quotesResolveByNumberNameAndText() {
        let resolver = QuoteResolver(posts: thread)
        let sources = resolver.sources(forPost: PostIndex(3), body: BodyParser.parse(thread[3].body))
        #expect(sources.map(\.post?.value) == [1, 2, 0, nil])
        #expect(sources.map(\.method) == [.postNumber, .authorName, .textMatch, nil])
    }

    @Test func aNamedAuthorPrefersThePostThatHoldsTheQuotedText() {
        let resolver = QuoteResolver(posts: thread)
        let body = BodyParser.parse("ann wrote:\n> The bridge at Karlsbad was rebuilt in 1890")
        #expect(resolver.sources(forPost: PostIndex(3), body: body).first?.post == PostIndex(0))
    }
}

extension QuoteResolverTests {
    @Test(arguments: [
        ("Hello,   World!", "hello world"),
        ("> It’s the Ünïcode   ‘case’ — ÉTÉ 2024", "it s the ünïcode case été 2024"),
        ("ΣΊΣΥΦΟΣ and 漢字かな!", "σίσυφοσ and 漢字かな"),
        ("  ...  ", ""),
    ] as [(String, String)])
    func normalisingFoldsCasePunctuationAndSpaceAlikeForASCIIAndNot(_ text: String, _ expected: String) {
        #expect(QuoteResolver.normalize(text) == expected)
    }

    @Test func aQuoteFromBeyondTheLinearSearchIsFoundThroughTheWordIndex() {
        var posts = (0..<300).map { Post(id: "p\($0)", author: "u\($0 % 7)", body: "filler post number \($0) about bridges") }
        posts[3].body = "The plaque on the Karlsbad bridge says eighteen ninety, carved in granite."
        posts.append(Post(id: "q", author: "z", body: "> the plaque on the Karlsbad bridge says eighteen ninety\n\nNo."))
        let resolver = QuoteResolver(posts: posts)
        let sources = resolver.sources(forPost: PostIndex(300), body: BodyParser.parse(posts[300].body))
        #expect(sources.map(\.post) == [PostIndex(3)])
        #expect(sources.map(\.method) == [.textMatch])
    }
}
