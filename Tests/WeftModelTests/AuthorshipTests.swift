import Foundation
import Testing
@testable import WeftModel

/// Who wrote each post, by address where mail gives one.
struct AuthorshipTests {
    /// (what, posts as (author, From), the name every post is shown by, in order).
    static let cases: [(String, [(String, String?)], [String])] = [
        ("the most used spelling wins", [("Ted", "Ted <t@x>"), ("Theodore", "Theodore <t@x>"), ("Theodore", "Theodore <T@X>")],
         ["Theodore", "Theodore", "Theodore"]),
        ("a name beats a bare address on a tie", [("t@x", "t@x"), ("Ted", "Ted <t@x>")], ["Ted", "Ted"]),
        ("on a tie of names the first alphabetically", [("Zed", "Zed <t@x>"), ("Ann", "Ann <t@x>")], ["Ann", "Ann"]),
        ("forum names differing only in case are one author", [("ann", nil), ("Ann", nil), ("bob", nil)], ["Ann", "Ann", "bob"]),
        ("a list's own address is not one person", [("Joel via L", "Joel via L <l@lists>"), ("Dmitry via L", "Dmitry via L <l@lists>")],
         ["Joel via L", "Dmitry via L"]),
        ("two people of one name keep their addresses apart", [("Sam", "Sam <a@x>"), ("Sam", "Sam <b@x>"), ("Sam Jones", "Sam Jones <b@x>")],
         ["Sam", "Sam", "Sam"]),
    ]

    @Test("shown names", arguments: cases)
    func shownNames(what: String, posts: [(String, String?)], expected: [String]) {
        let thread = posts.enumerated().map { n, p in
            Post(id: "\(n)", author: p.0, body: "x", headers: p.1.map { MailHeaders(from: $0) })
        }
        let authorship = Authorship(posts: thread)
        #expect(thread.indices.map { authorship.name(of: $0, in: thread) } == expected, "\(what)")
    }

    @Test func countsAreByAuthorNotBySpelling() {
        let thread = [Post(id: "1", author: "Ted", body: "", headers: MailHeaders(from: "Ted <t@x>")),
                      Post(id: "2", author: "Theodore", body: "", headers: MailHeaders(from: "Theodore <t@x>")),
                      Post(id: "3", author: "Theodore", body: "", headers: MailHeaders(from: "Theodore <t@x>")),
                      Post(id: "4", author: "Ann", body: "")]
        let counts = Authorship(posts: thread).counts(in: thread)
        #expect(counts.map(\.name) == ["Theodore", "Ann"] && counts.map(\.posts) == [3, 1])
    }
}

extension AuthorshipTests {
    /// (author terms, excluded terms, an author's spellings, whether the author terms keep them).
    static let spellingCases: [([String], [String], [String], Bool)] = [
        (["ted"], [], ["Theodore", "Ted"], true),
        (["Ann"], [], ["Theodore", "Ted"], false),
        ([], ["TED"], ["Theodore", "Ted"], false),
        ([], [], ["anyone"], true),
    ]

    @Test("author terms name an author under any spelling, and nothing else counts", arguments: spellingCases)
    func authorTerms(authors: [String], excluded: [String], spellings: [String], kept: Bool) {
        // Text and date terms do not decide this (the author count and n look at authors only).
        let filter = PostFilter(authors: authors, excludedAuthors: excluded, text: "no such words", since: .distantFuture, unreadOnly: true)
        #expect(filter.passes(spellings: spellings) == kept)
    }
}
