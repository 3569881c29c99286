import Foundation
import Testing
@testable import WeftFormats

struct MailAddressTests {
    @Test("a From: value gives the name a reader knows the author by", arguments: [
        ("\"Ann Lee\" <ann@x.org>", "Ann Lee"),
        ("Ann Lee <ann@x.org>", "Ann Lee"),
        ("  Ann Lee\t<ann@x.org>  ", "Ann Lee"),
        ("ann@x.org (Ann Lee)", "Ann Lee"),
        ("ann@x.org ()", "ann@x.org"),
        ("ann@x.org", "ann@x.org"),
        ("<ann@x.org>", "ann@x.org"),
        ("\"Lee, Ann \\\"AL\\\"\" <ann@x.org>", "Lee, Ann \"AL\""),
        ("=?UTF-8?Q?Andr=C3=A9_D=C3=BCrr?= <a@x.org>", "André Dürr"),
        ("Zoë Ærø <z@x.org>", "Zoë Ærø"),
        ("<nobody@weft.invalid>", nil),
        ("   ", nil),
    ] as [(String, String?)])
    func displayNames(from: String, name: String?) {
        #expect(MailAddress.displayName(from) == name)
    }

    @Test("message ids are read with or without brackets", arguments: [
        ("<a@x> <b@y>", ["a@x", "b@y"]),
        ("  < c@z >", ["c@z"]),
        ("bare@id", ["bare@id"]),
        ("<with space@x>", []),
    ] as [(String, [String])])
    func messageIDs(value: String, ids: [String]) {
        #expect(MailAddress.messageIDs(value) == ids)
    }

    @Test func aDayNameInAnotherLanguageIsSkipped() {
        #expect(MailDate.parse("mié, 5 Jun 2024 10:00:00 +0200").map { $0.formatted(.iso8601) } == "2024-06-05T08:00:00Z")
    }
}

/// Reply ids that are not ids link nothing.
struct BogusReplyIDTests {
    @Test(arguments: [("yes", false), ("1", false), ("@x", false), ("x@", false), ("a@b", true), ("m.123@lists.example.org", true)])
    func onlyAnIDWithBothSidesOfItsAtSignIsLinkable(id: String, linkable: Bool) {
        #expect(MailAddress.isLinkable(id) == linkable)
    }

    @Test func messagesAnsweringTheBogusIDYesStayInTheirOwnThreads() throws {
        let mbox = """
            From a@x Mon Jan  1 00:00:00 2001
            From: Ann <a@x>
            Message-ID: <1@x>
            Subject: Kernel patch
            In-Reply-To: <yes>

            First.

            From b@x Mon Jan  1 00:00:00 2001
            From: Bob <b@x>
            Message-ID: <2@x>
            Subject: Garden party
            In-Reply-To: <yes>

            Second.

            """
        let threads = try Importer.threads(from: Data(mbox.utf8), source: "bogus.mbox", format: .mbox)
        #expect(threads.count == 2)
        #expect(threads.allSatisfy { $0.posts.count == 1 && $0.posts[0].parent == nil })
    }
}
