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
        let sources = resolver.sources(forPost: 3, body: BodyParser.parse(thread[3].body))
        #expect(sources.map(\.post) == [1, 2, 0, nil])
        #expect(sources.map(\.method) == [.postNumber, .authorName, .textMatch, nil])
    }

    @Test func aNamedAuthorPrefersThePostThatHoldsTheQuotedText() {
        let resolver = QuoteResolver(posts: thread)
        let body = BodyParser.parse("ann wrote:\n> The bridge at Karlsbad was rebuilt in 1890")
        #expect(resolver.sources(forPost: 3, body: body).first?.post == 0)
    }
}
