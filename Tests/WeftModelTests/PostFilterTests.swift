import Foundation
import Testing
@testable import WeftModel

struct PostFilterTests {
    static let post = Post(id: "1", author: "DD11", date: Date(timeIntervalSince1970: 1_000_000),
                           body: "Prolotherapy did nothing for my pain.")

    static let cases: [(String, PostFilter, Bool, Bool)] = [
        ("no terms let everything through", PostFilter(), false, true),
        ("author is matches case-insensitively", PostFilter(authors: ["dd11"]), false, true),
        ("author is rejects others", PostFilter(authors: ["sparky1"]), false, false),
        ("any of several names passes", PostFilter(authors: ["x", "DD11"]), false, true),
        ("author is not excludes", PostFilter(excludedAuthors: ["Dd11"]), false, false),
        ("text contains matches case-insensitively", PostFilter(text: "PROLO"), false, true),
        ("text contains rejects", PostFilter(text: "ligament"), false, false),
        ("date range includes", PostFilter(since: Date(timeIntervalSince1970: 0), until: Date(timeIntervalSince1970: 2_000_000)), false, true),
        ("date range excludes", PostFilter(since: Date(timeIntervalSince1970: 1_500_000)), false, false),
        ("unread only drops read posts", PostFilter(unreadOnly: true), true, false),
        ("unread only keeps unread posts", PostFilter(unreadOnly: true), false, true),
    ]

    @Test("post filters", arguments: cases)
    func filtersPosts(name: String, filter: PostFilter, isRead: Bool, expected: Bool) {
        #expect(filter.matches(Self.post, isRead: isRead) == expected, "\(name)")
    }

    @Test func threadFiltersLookAtParticipantsTitleAndUnread() {
        let s = ThreadSummary(id: "t", title: "Prolotherapy for TN", postCount: 3,
                              participants: ["DD11": 1, "sparky1": 2], unreadCount: 0)
        #expect(PostFilter(authors: ["dd11"]).matches(s))
        #expect(!PostFilter(authors: ["nobody"]).matches(s))
        #expect(PostFilter(excludedAuthors: ["DD11"]).matches(s))
        #expect(!PostFilter(excludedAuthors: ["DD11", "sparky1"]).matches(s))
        #expect(PostFilter(text: "prolo").matches(s))
        #expect(!PostFilter(unreadOnly: true).matches(s))
    }

    @Test func thePromptAnswerSetsIncludedAndExcludedAuthors() {
        var f = PostFilter()
        f.setAuthors(fromPrompt: "DD11, !bob ,  ann")
        #expect(f.authors == ["DD11", "ann"])
        #expect(f.excludedAuthors == ["bob"])
        #expect(f.authorPromptText == "DD11, ann, !bob")
        f.setAuthors(fromPrompt: "  ")
        #expect(!f.hasAuthorTerms)
    }
}
