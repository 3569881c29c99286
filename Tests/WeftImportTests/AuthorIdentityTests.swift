import Foundation
import Testing
import WeftFormats
import WeftImport
import WeftModel
import WeftStore
import WeftTestSupport

/// Authors are people, not spellings: one mail address under several names is one author for the filter
/// and the counts, shown by the name it used most.
@Suite struct AuthorIdentityTests {
    static func mail(_ from: String, _ id: String, _ day: Int, _ reply: String = "") -> String {
        """
        From x Mon Jan  1 00:00:00 2024
        From: \(from)
        Subject: \(reply.isEmpty ? "Plans" : "Re: Plans")
        Date: Mon, \(day) Jan 2024 10:00:00 +0000
        Message-ID: <\(id)>
        \(reply.isEmpty ? "" : "In-Reply-To: <\(reply)>")

        Message \(id).

        """
    }

    @Test func oneAddressUnderThreeSpellingsIsOneAuthorInTheStoreAndTheThread() throws {
        let dir = temporaryDirectory("weft-authors")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.mbox")
        let text = Self.mail("Theodore Ts'o <tytso@mit.edu>", "1@x", 1)
            + Self.mail("\"Theodore Y. Ts'o\" <tytso@mit.edu>", "2@x", 2, "1@x")
            + Self.mail("\"Theodore Y. Ts'o\" <TYTSO@mit.edu>", "3@x", 3, "2@x")
            + Self.mail("tytso@mit.edu", "4@x", 4, "3@x")
            + Self.mail("Joel via Ksummit-discuss <ksummit-discuss@lists.example.org>", "5@x", 5, "1@x")
            + Self.mail("Dmitry via Ksummit-discuss <ksummit-discuss@lists.example.org>", "6@x", 6, "1@x")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let store = try FileStore(root: dir.appendingPathComponent("store"), create: true)
        _ = try MailSplitImportTests.importMail([file], into: store)
        let index = try StoreIndex(directory: store.indexDir)
        let authors = try index.authors()
        #expect(authors.first { $0.name == "Theodore Y. Ts'o" }?.posts == 4, "\(authors)")
        #expect(!authors.contains { $0.name == "Theodore Ts'o" || $0.name == "tytso@mit.edu" })
        // A list that writes its own address for its senders does not make them one person.
        #expect(authors.contains { $0.name.hasPrefix("Joel") } && authors.contains { $0.name.hasPrefix("Dmitry") })
        // Any spelling finds the author's threads and counts all their posts.
        for spelling in ["Theodore Ts'o", "tytso@mit.edu", "theodore y. ts'o"] {
            let query = ThreadQuery(authors: [spelling])
            #expect(try index.threadRows(query).keys.count == 1, "\(spelling)")
            #expect(try index.postCount(query) == 4, "\(spelling)")
        }
        // In the thread: one name, and a filter by a minority spelling keeps every post of theirs.
        let thread = try store.thread(id: "1@x")
        let authorship = Authorship(posts: thread.posts)
        let names = Set(thread.posts.indices.filter { thread.posts[$0].id != "5@x" && thread.posts[$0].id != "6@x" }
            .map { authorship.name(of: $0, in: thread.posts) })
        #expect(names == ["Theodore Y. Ts'o"])
        let filter = PostFilter(authors: ["Theodore Ts'o"])
        let kept = thread.posts.indices.filter { filter.matches(thread.posts[$0], isRead: false, spellings: authorship.spellings(of: $0, in: thread.posts)) }
        #expect(kept.count == 4)
    }

    @Test(.enabled(if: SharedData.has("data/mbox-ksummit-discuss"), "../shared/data is absent"))
    func theKsummitAuthorsAreCountedByAddressAsPythonCountsThem() throws {
        let dir = temporaryDirectory("weft-authors-ks")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir.appendingPathComponent("store"), create: true)
        _ = try MailSplitImportTests.importMail([SharedData.url("data/mbox-ksummit-discuss/ksummit-discuss.mbox")], into: store)
        let authors = try StoreIndex(directory: store.indexDir).authors()
        // Python: senders by address (a list's own address stands for no one), with their post counts.
        let script = """
            import mailbox, email.utils, collections, json
            c = collections.defaultdict(collections.Counter)
            for m in mailbox.mbox('mbox-ksummit-discuss/ksummit-discuss.mbox'):
                n, a = email.utils.parseaddr(m['From'] or '')
                if ' via ' in n: continue
                c[a.lower()][n] += 1
            print(json.dumps({a: sum(v.values()) for a, v in c.items() if len([n for n in v if n]) > 1}))
            """
        guard let out = runPython(script, in: SharedData.url("data")),
              let expected = try JSONSerialization.jsonObject(with: out) as? [String: Int] else {
            Issue.record("the Python figure could not be computed")
            return
        }
        #expect(expected.count >= 2, "\(expected)")
        // Each such address is one row whose count is all of its messages.
        for (address, count) in expected {
            #expect(authors.contains { $0.posts == count }, "\(address): \(count) posts not one author in \(authors.prefix(10))")
        }
        #expect(authors.first { $0.name.hasPrefix("Theodore") }?.posts == expected["tytso@mit.edu"])
    }
}
