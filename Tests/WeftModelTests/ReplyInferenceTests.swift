import Testing
@testable import WeftModel

/// Reply inference on small flat threads of our own, one signal per case.
struct ReplyInferenceTests {
    /// A flat post: no parent, its link open to inference.
    static func flat(_ id: String, _ author: String?, _ body: String) -> Post {
        Post(id: id, author: author, body: body, inferred: .default)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var posts: [Post]
        /// The expected (parent id, reason) of the last post.
        var parent: String?
        var reason: ReplyReason?
        var testDescription: String { name }
    }

    static let opening = flat("p1", "ann", "Has anyone rebuilt the bridge at Karlsbad? The plaque says 1890.")

    static let cases: [Case] = [
        Case(name: "a quote of an earlier post links to it",
             posts: [opening, flat("p2", "bob", "The parish records say 1893, not 1890."),
                     flat("p3", "cy", "Nice weather today."),
                     flat("p4", "dee", "bob wrote:\n> The parish records say 1893, not 1890.\n\nThey were wrong before.")],
             parent: "p2", reason: .quote),
        Case(name: "a quote found by its text alone links to the post that said it, not one quoting it",
             posts: [opening, flat("p2", "bob", "The parish records say 1893, not 1890."),
                     flat("p3", "cy", "bob wrote:\n> The parish records say 1893\n\nReally?"),
                     flat("p4", "dee", "> The parish records say 1893\n\nI doubt it.")],
             parent: "p2", reason: .quote),
        Case(name: "a greeting names the post it answers",
             posts: [opening, flat("p2", "bob", "Records say 1893."), flat("p3", "cy", "Bridges are nice."),
                     flat("p4", "dee", "Pictures here."), flat("p5", "eve", "And more."),
                     flat("p6", "ann", "Hi bob, where are those records kept?")],
             parent: "p2", reason: .salutation),
        Case(name: "thanks with a name is a greeting too",
             posts: [opening, flat("p2", "bob", "Records say 1893."), flat("p3", "cy", "Bridges are nice."),
                     flat("p4", "ann", "Thanks Bob! That settles it.")],
             parent: "p2", reason: .salutation),
        Case(name: "a newcomer greeting the starter answers the opening post",
             posts: [opening, flat("p2", "bob", "Records say 1893."), flat("p3", "ann", "Hi bob, thanks."),
                     flat("p4", "cy", "Hi ann, I walked over it last summer.")],
             parent: "p1", reason: .salutation),
        Case(name: "an @mention of a recent poster links to their post",
             posts: [opening, flat("p2", "bob", "Records say 1893."), flat("p3", "cy", "I agree with @bob here.")],
             parent: "p2", reason: .mention),
        Case(name: "an @mention of someone who posted long ago is not an answer",
             posts: [opening, flat("p2", "bob", "Records say 1893."), flat("p3", "cy", "One."), flat("p4", "dee", "Two."),
                     flat("p5", "eve", "Three."), flat("p6", "fay", "Maybe @bob knows more.")],
             parent: "p1", reason: .default),
        Case(name: "an author answered since their last post answers back",
             posts: [opening, flat("p2", "bob", "Records say 1893."),
                     Post(id: "p3", author: "cy", parent: "p2", body: "Which records?"),
                     flat("p4", "bob", "The parish ones, in the church.")],
             parent: "p3", reason: .conversation),
        Case(name: "a post with no signal answers the opening post",
             posts: [opening, flat("p2", "bob", "Records say 1893."), flat("p3", "cy", "I walked over it in May.")],
             parent: "p1", reason: .default),
        Case(name: "the first post of a flat thread answers no one",
             posts: [opening], parent: nil, reason: .opening),
        Case(name: "a mention inside a quote does not count",
             posts: [opening, flat("p2", "bob", "Records say 1893."), flat("p3", "cy", "Bridges."),
                     flat("p4", "dee", "> something @bob said once upon a time\n\nA bridge is a bridge.")],
             parent: "p1", reason: .default),
    ]

    @Test(arguments: cases)
    func theLastPostOfAFlatThreadLinksAsItsSignalSays(_ c: Case) {
        var thread = ForumThread(id: "t", title: "Bridge", posts: c.posts)
        thread.inferReplies()
        let last = thread.posts.last!
        #expect(last.parent == c.parent)
        #expect(last.inferred == c.reason)
        ReplyTree(posts: thread.posts).checkInvariants()
    }

    @Test func linksTheSourceGaveAreNeverChanged() {
        var thread = ForumThread(id: "t", title: "Bridge", posts: [
            Self.opening,
            Post(id: "p2", author: "bob", parent: "p1", body: "Hi ann, records say 1893."),
            Post(id: "p3", author: "cy", parent: nil, body: "bob wrote:\n> Hi ann, records say 1893.\n\nNo."),
        ])
        thread.inferReplies()
        #expect(thread.posts[1].parent == "p1" && thread.posts[1].inferred == nil)
        #expect(thread.posts[2].parent == nil && thread.posts[2].inferred == nil)
    }

    @Test func postsAddedLaterKeepTheEarlierLinksAsTheyWere() {
        let first: [Post] = [Self.opening, Self.flat("p2", "bob", "Records say 1893."),
                             Self.flat("p3", "ann", "Thanks bob, where are they?"), Self.flat("p4", "cy", "Nice.")]
        var thread = ForumThread(id: "t", title: "Bridge", posts: first)
        thread.inferReplies()
        let before = thread.posts
        let page2 = ForumThread(id: "t", title: "Bridge", posts: [
            Self.flat("p5", "bob", "In the church, ann."), Self.flat("p6", "dee", "Which photo did @cy mean?"),
        ])
        #expect(thread.merge(page2) == 2)
        #expect(Array(thread.posts.prefix(4)) == before)
        #expect(thread.posts[4].parent == "p3" && thread.posts[4].inferred == .conversation)
        #expect(thread.posts[5].parent == "p4" && thread.posts[5].inferred == .mention)
        var again = thread
        again.inferReplies()
        #expect(again == thread)
    }

    @Test func timeOrderShowsEveryPostAtTopLevelWithoutReasons() {
        var thread = ForumThread(id: "t", title: "Bridge", posts: [Self.opening, Self.flat("p2", "bob", "Hi ann, 1893.")])
        thread.inferReplies()
        let plain = thread.inTimeOrder
        #expect(plain.posts.allSatisfy { $0.parent == nil && $0.inferred == nil })
        #expect(ReplyTree(posts: plain.posts).rows.map(\.depth) == [0, 0])
    }

    @Test func aFiveThousandPostFlatThreadInfersInOnePass() {
        let authors = (0..<50).map { "user\($0)" }
        let posts = (0..<5_000).map { i in
            Self.flat("p\(i)", authors[i % 50], i % 7 == 0 && i > 0
                ? "\(authors[(i - 1) % 50]) wrote:\n> words of post \(i - 1) that are long enough\n\nYes." : "words of post \(i) that are long enough")
        }
        let links = ReplyInference(posts: posts).links()
        #expect(links.count == 5_000)
        #expect(links[7]?.parent == 6 && links[7]?.reason == .quote)
        #expect(links.allSatisfy { $0 != nil })
    }
}

/// Greetings and mentions, as ``Addressing`` reads them.
struct AddressingTests {
    static let known = ["dd11": 0, "sparky1": 1, "ann lee": 2, "bob": 3]

    @Test(arguments: [
        ("hi dd11, did they give you", "dd11"),
        ("thanks sparky1 for the links", "sparky1"),
        ("thank you, bob!", "bob"),
        ("dear ann lee,", "ann lee"),
        ("bob: that is right", "bob"),
        ("@dd11 what did you try", "dd11"),
        ("hi everyone", nil),
        ("bobcat sightings are up", nil),
        ("bob likes bridges", nil),
        ("thanks for reply", nil),
    ] as [(String, String?)])
    func aGreetingAtTheStartNamesWhoIsAddressed(_ line: String, _ expected: String?) {
        #expect(Addressing.salutation(in: line, known: Self.known) == expected)
    }

    @Test func mentionsAreReadWithoutTrailingPunctuationOrEmailAddresses() {
        #expect(Addressing.mentions(in: "ask @Bob. Or @dd11, or mail x@example.org") == ["bob", "dd11"])
    }
}

extension ReplyInferenceTests {
    @Test(arguments: [
        ("Thanks for the reply, that helps.", "p3", ReplyReason.thanks),
        ("Thank you for the detail.", "p3", ReplyReason.thanks),
        ("Thanksgiving plans are off.", "p1", ReplyReason.default),
    ] as [(String, String, ReplyReason)])
    func aThankYouThatNamesNoOneThanksThePostBefore(_ text: String, _ parent: String, _ reason: ReplyReason) {
        // Authors unknown, as on a saved text page.
        var thread = ForumThread(id: "t", title: "Bridge", posts: [
            Self.flat("p1", nil, "Who rebuilt the bridge?"), Self.flat("p2", nil, "The council."),
            Self.flat("p3", nil, "In 1893, the records say."), Self.flat("p4", nil, text),
        ])
        thread.inferReplies()
        #expect(thread.posts[3].parent == parent && thread.posts[3].inferred == reason)
    }
}
