import Foundation
import Testing
@testable import WeftModel
@testable import WeftCodec

struct ThreadFileWriterTests {
    /// Every ASCII control character, JSON's specials, a slash, accents, an emoji and line separators.
    static let awkward = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        + "\"quoted\" back\\slash a/b café 😀 \u{2028}\u{2029}\u{7F}\u{FEFF} e\u{301}"

    static let threads: [ForumThread] = [
        ForumThread(id: "t1", title: "Plain", forum: "list", posts: [
            Post(id: "p1", author: "Ann", date: Date(timeIntervalSince1970: 1_709_474_520.75), body: "Hello.\n> quoted"),
        ]),
        ForumThread(id: "t/2 \"odd\"", title: awkward, posts: [
            Post(id: "root", body: "", placeholder: true),
            Post(id: "p2", author: nil, date: Date(timeIntervalSince1970: -1.5), parent: "root", number: 7,
                 body: awkward, format: .html),
            Post(id: "p3", author: awkward, date: Date(timeIntervalSince1970: 253_402_300_799), parent: "p2",
                 number: 0, body: "last second of 9999", format: .markdown, inferred: .quote),
            Post(id: "p5", author: "Sig", parent: "p3", number: 12, body: "with a signature", format: .html,
                 inferred: .default, signature: awkward),
            Post(id: "m1", author: "Mail", parent: "p5", body: "a reply with its own subject and ids",
                 subject: "Re: " + awkward, references: ["t/2 \"odd\"", awkward, "p5"]),
            Post(id: "m2", author: "Mail", parent: "m1", body: "one reference", references: ["m1"],
                 headers: MailHeaders(from: "Mail <mail@example.org>", to: awkward, date: "Mon, 3 Mar 2024 14:02:00 +0100")),
            Post(id: "m4", author: "Mail", parent: "m1", body: "every header", format: .commonmark,
                 headers: MailHeaders(from: "a@b", to: "c@d", cc: "e@f", date: "x", listID: "<l.example.org>")),
            Post(id: "m3", author: "Mail", parent: "p2", body: "named nothing; joined by subject", references: []),
        ]),
        ForumThread(id: "t3", title: "Before the epoch", forum: awkward, posts: [
            Post(id: "p4", author: "Bo", date: Date(timeIntervalSince1970: -11_676_096_000), body: "1600"),
        ]),
    ]

    @Test("the hand-written thread file is byte for byte what the encoder writes", arguments: threads)
    func handWrittenMatchesTheEncoder(thread: ForumThread) throws {
        let expected = try JSONFormatting.encoder().encode(ThreadDocument(forum: thread.forum, threads: [thread])) + Data("\n".utf8)
        let written = try #require(ThreadFileWriter.encode(thread))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        let decoded = try JSONDecoder().decode(ThreadDocument.self, from: written)
        // Dates are written to the second; everything else comes back as it was.
        let dateless = { (posts: [Post]) in posts.map { var p = $0; p.date = nil; return p } }
        #expect(dateless(decoded.threads.first?.posts ?? []) == dateless(thread.posts))
    }

    @Test func threadsItCannotWriteAreLeftToTheEncoder() {
        #expect(ThreadFileWriter.encode(ForumThread(id: "e", title: "Empty", posts: [])) == nil)
        for seconds in [1e12, -62_135_596_800] {  // year 33658; year 1, where Foundation's calendar is Julian
            let far = ForumThread(id: "f", title: "Far", posts: [Post(id: "p", date: Date(timeIntervalSince1970: seconds), body: "x")])
            #expect(ThreadFileWriter.encode(far) == nil)
        }
    }

    @Test("civil time writes ISO 8601 as Foundation does", arguments: [
        0, -1.5, 86_399.9, 951_782_400, 1_709_474_520.75, -11_676_096_000, 253_402_300_799, 4_102_444_800,
    ])
    func civilTimeMatchesFoundation(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(CivilTime(date).iso8601 == date.formatted(.iso8601))
    }
}
