import Testing
@testable import WeftFormats
@testable import WeftModel

/// The fast check of a stored post's references agrees with the chain it stands for.
struct StoredChainTests {
    static let thread = ForumThread(id: "top@x", title: "T", posts: [
        Post(id: "mid@x", body: "", placeholder: true),
        Post(id: "a@x", parent: "mid@x", body: "a"),
        Post(id: "b@x", parent: "a@x", body: "b"),
        Post(id: "top@x", body: "the top"),
        Post(id: "loose@x", parent: "gone@x", body: "a root whose parent is missing"),
    ])

    static let cases: [(post: String, references: [String])] = [
        ("b@x", ["top@x", "mid@x", "a@x"]),
        ("b@x", ["mid@x", "a@x"]),
        ("b@x", ["a@x"]),
        ("b@x", ["top@x", "a@x"]),
        ("b@x", ["top@x", "mid@x", "a@x", "b@x"]),
        ("b@x", []),
        ("top@x", []),
        ("top@x", ["top@x"]),
        ("loose@x", ["top@x", "gone@x"]),
        ("loose@x", ["gone@x"]),
        ("loose@x", ["other@x", "gone@x"]),
        ("a@x", ["top@x", "mid@x"]),
    ]

    @Test("the fast check agrees with the chain", arguments: cases.indices)
    func theFastCheckAgreesWithTheChain(index: Int) throws {
        let (id, references) = Self.cases[index]
        let post = try #require(Self.thread.posts.first { $0.id == id })
        let parents = MailImporter.parents(Self.thread.posts)
        let slow = MailImporter.chain(of: post, parents: parents, thread: Self.thread.id) == references
        #expect(MailImporter.chainMatches(post, references, parents: parents, thread: Self.thread.id) == slow)
    }
}
