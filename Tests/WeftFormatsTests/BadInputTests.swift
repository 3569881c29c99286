import Foundation
import Testing
import WeftStore
import WeftTestSupport
@testable import WeftFormats
@testable import WeftModel

/// Each kind of bad input gives one clear message naming the file and the position, and the rest goes on.
struct BadInputTests {
    func mbox(_ messages: [String]) -> Data {
        Data(messages.map { "From x@y Mon Jan  1 00:00:00 2024\n" + $0 + "\n" }.joined().utf8)
    }

    static let good = "From: Ann <ann@x.org>\nSubject: Hello\nMessage-ID: <a@x>\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nHi all"

    @Test func truncatedJSONNamesTheFile() {
        do {
            _ = try Importer.read(Data("{\"post_stream\": {\"posts\": [{\"id\": 1,".utf8), source: "cut.json")
            Issue.record("accepted truncated JSON")
        } catch let error as ImportError {
            #expect(error.source == "cut.json")
            #expect(error.reason.hasPrefix("not valid JSON"))
        } catch { Issue.record("\(error)") }
    }

    @Test func binaryGarbageNamesTheByteOffset() {
        var bytes = [UInt8]("Forum\nTitle\n\nok ".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0x80]
        do {
            _ = try Importer.read(Data(bytes), source: "garbage.bin")
            Issue.record("accepted garbage")
        } catch let error as ImportError {
            #expect(error.description == "garbage.bin: byte 16: not UTF-8 text")
        } catch { Issue.record("\(error)") }
    }

    @Test func aFiftyMegabyteLineImportsAsOnePost() throws {
        let line = String(repeating: "x", count: 50_000_000)
        let batch = try Importer.read(Data("Forum\nTitle\n\n\(line)\n".utf8), source: "long.txt")
        #expect(batch.threads.first?.posts.first?.body.utf8.count == 50_000_000)
    }

    @Test func aMessageWithHeadersButNoBodyIsKeptWithANote() throws {
        let batch = try Importer.read(mbox([Self.good, "From: Bob <b@x.org>\nSubject: Re: Hello\nMessage-ID: <b@x>\nIn-Reply-To: <a@x>"]), source: "h.mbox")
        #expect(batch.threads.first?.realPostCount == 2)
        let note = try #require(batch.issues.first)
        #expect(note.description == "h.mbox: message 2 (line 8, byte 134): the message has headers but no body")
        #expect(!note.skipped)
    }

    @Test func aBrokenMIMEBoundaryKeepsTheTextAndSaysSo() throws {
        let broken = """
            From: Ann <ann@x.org>
            Message-ID: <m@x>
            Content-Type: multipart/alternative; boundary="XYZ"

            --XYZ
            Content-Type: text/plain; charset=utf-8

            The text before a boundary that never closes
            """
        let batch = try Importer.read(mbox([broken]), source: "mime.mbox")
        #expect(batch.threads.first?.posts.first?.body == "The text before a boundary that never closes")
        #expect(batch.issues.contains { $0.reason.contains("never closed") && $0.position == "message 1 (line 1, byte 0)" })
        let missing = "From: Ann <ann@x.org>\nMessage-ID: <n@x>\nContent-Type: multipart/mixed; boundary=\"NOPE\"\n\nplain words"
        let second = try Importer.read(mbox([missing]), source: "mime2.mbox")
        #expect(second.threads.first?.posts.first?.body == "plain words")
        #expect(second.issues.contains { $0.reason.contains("never appears") })
    }

    @Test func anUnknownCharsetIsReadAsUTF8WithANote() throws {
        let message = "From: Ann <ann@x.org>\nMessage-ID: <c@x>\nContent-Type: text/plain; charset=x-klingon\n\nqapla'"
        let batch = try Importer.read(mbox([message]), source: "cs.mbox")
        #expect(batch.threads.first?.posts.first?.body == "qapla'")
        #expect(batch.issues.map(\.reason) == ["unknown charset \"x-klingon\"; read as UTF-8"])
    }

    @Test func charsetsAndEncodingsDecode() throws {
        let latin = "From: =?ISO-8859-1?Q?Andr=E9?= <a@x.org>\nSubject: =?UTF-8?B?Q2Fmw6k=?= =?UTF-8?Q?_ouvert?=\nMessage-ID: <l@x>\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9 cr=E8me=\n soft"
        let t = try #require(try Importer.read(mbox([latin]), source: "l.mbox").threads.first)
        #expect(t.posts[0].author == "André")
        #expect(t.title == "Café ouvert")
        #expect(t.posts[0].body == "Café crème soft")
        let cp = Data([UInt8]("From: a@x.org\nMessage-ID: <w@x>\nContent-Type: text/plain; charset=windows-1252\n\n".utf8) + [0x93, 0x68, 0x69, 0x94, 0x80])
        #expect(try Importer.read(cp, source: "w.eml", format: .maildir).threads.first?.posts.first?.body == "\u{201C}hi\u{201D}€")
        let b64 = "From: a@x.org\nMessage-ID: <b64@x>\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n5bGx55Sw44Gn44GZ\n"
        #expect(try Importer.read(Data(b64.utf8), source: "b.eml", format: .maildir).threads.first?.posts.first?.body == "山田です")
    }

    @Test func htmlIsUsedOnlyWhenThereIsNoPlainPart() throws {
        let alt = """
            From: a@x.org
            Message-ID: <h@x>
            Content-Type: multipart/alternative; boundary=B

            --B
            Content-Type: text/html

            <p>html <b>version</b></p>
            --B
            Content-Type: text/plain

            plain version
            --B--
            """
        #expect(try Importer.read(mbox([alt]), source: "a.mbox").threads.first?.posts.first?.body == "plain version")
        let htmlOnly = "From: a@x.org\nMessage-ID: <h2@x>\nContent-Type: text/html\n\n<p>Only <a href=\"https://x.org/\">html</a> &amp; more</p><blockquote>quoted</blockquote>"
        let post = try #require(try Importer.read(mbox([htmlOnly]), source: "h.mbox").threads.first?.posts.first)
        #expect(post.body == "Only [html](https://x.org/) & more\n\n> quoted")
        #expect(post.format == .html)
    }

    @Test func referencesThatFormACycleStillGiveATree() throws {
        let a = "From: a@x.org\nSubject: Loop\nMessage-ID: <a@x>\nReferences: <b@x>\n\nA"
        let b = "From: b@x.org\nSubject: Re: Loop\nMessage-ID: <b@x>\nReferences: <a@x>\n\nB"
        let c = "From: c@x.org\nSubject: Re: Loop\nMessage-ID: <c@x>\nReferences: <c@x> <a@x>\nIn-Reply-To: <c@x>\n\nC"
        let batch = try Importer.read(mbox([a, b, c]), source: "loop.mbox")
        let posts = batch.threads.flatMap(\.posts).filter { !$0.placeholder }
        #expect(posts.count == 3)
        for t in batch.threads { ReplyTree(posts: t.posts).checkInvariants() }
    }

    @Test func duplicateMessageIDsWithDifferentContentAreBothKept() throws {
        let one = "From: a@x.org\nSubject: S\nMessage-ID: <d@x>\n\nfirst"
        let two = "From: a@x.org\nSubject: S\nMessage-ID: <d@x>\n\nsecond"
        let batch = try Importer.read(mbox([one, two, one]), source: "dup.mbox")
        #expect(batch.threads.flatMap(\.posts).map(\.body).sorted() == ["first", "second"])
        #expect(batch.issues.map(\.reason) == [
            "duplicate Message-ID <d@x> (dup.mbox message 1 (line 1, byte 0) has another message under it); both kept, the later-dated as <d@x#2> or after",
            "the same message as dup.mbox message 1 (line 1, byte 0) (Message-ID <d@x>); imported once",
        ])
    }

    @Test func aFileThatIsGoneIsReportedByName() {
        #expect(throws: ImportError(source: "/nonexistent/gone.mbox", position: nil, reason: "no such file")) {
            try Importer.read("/nonexistent/gone.mbox")
        }
    }

    @Test func aNonMessageInAnMboxIsSkippedAndTheRestImported() throws {
        let batch = try Importer.read(mbox(["just some words\nwithout headers", Self.good]), source: "mixed.mbox")
        #expect(batch.threads.flatMap(\.posts).count == 1)
        let skipped = try #require(batch.issues.first { $0.skipped })
        #expect(skipped.position == "message 1 (line 1, byte 0)")
    }

    @Test func aFailedFileLeavesTheStoreAsItWas() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        try ImportPipeline(store: store).merge(try Importer.read(mbox([Self.good]), source: "ok.mbox").threads)
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("threads").path)
        #expect(throws: ImportError.self) {
            try ImportPipeline(store: store).merge(try Importer.read(Data("{\"thread\": {\"title\": \"x\", \"posts\": [".utf8), source: "bad.json").threads)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("threads").path) == before)
    }

    static let dates: [(String, String?)] = [
        ("Mon, 1 Jan 2024 10:00:00 +0000", "2024-01-01T10:00:00Z"),
        ("1 Jan 2024 10:00 GMT", "2024-01-01T10:00:00Z"),
        ("Tue, 3 Mar 98 09:30:15 EST", "1998-03-03T14:30:15Z"),
        ("Wed, 12 Jun 2019 8:05:00 -0700 (PDT)", "2019-06-12T15:05:00Z"),
        ("Jan 5 2021 12:00:00", "2021-01-05T12:00:00Z"),
        ("not a date", nil),
    ]

    @Test("dates in current and obsolete RFC 5322 forms", arguments: dates)
    func parsesDates(text: String, iso: String?) {
        #expect(MailDate.parse(text).map { $0.formatted(.iso8601) } == iso)
    }

    static let subjects: [(String, String, Bool)] = [
        ("Re: [ksummit] Topic", "topic", true),
        ("[ksummit] Re: Re: Topic", "topic", true),
        ("Fwd: Topic", "topic", true),
        ("AW: Topic", "topic", true),
        ("Topic", "topic", false),
        ("[TECH TOPIC] Topic", "topic", false),
    ]

    @Test("subjects normalise for orphan threading", arguments: subjects)
    func normalisesSubjects(subject: String, base: String, reply: Bool) {
        let n = Subject.normalize(subject)
        #expect(n.base == base && n.reply == reply)
    }
}

/// Inputs the fuzzers crashed on, kept as named tests.
struct FuzzFoundTests {
    @Test func aYearTooLargeForDateArithmeticIsNoDate() {
        #expect(MailDate.parse("Mon, 1 Jan 9223372036854775807 10:00:00 +0000") == nil)
        #expect(MailDate.parse("1 Jan 99999 10:00") == nil)
        #expect(MailDate.parse("1 Jan 2024 10:00") != nil)
    }
}

/// Later imports of a list merge into the threads already stored.
struct MailMergeTests {
    @Test func aLaterReplyImportedAloneJoinsItsStoredThread() throws {
        let root = "From: Ann <a@x.org>\nSubject: Plan\nMessage-ID: <r@x>\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nRoot"
        let reply = "From: Bob <b@x.org>\nSubject: Re: Plan\nMessage-ID: <s@x>\nIn-Reply-To: <r@x>\nReferences: <r@x>\n\nReply"
        let later = "From: Cy <c@x.org>\nSubject: Re: Plan\nMessage-ID: <t@x>\nIn-Reply-To: <s@x>\nReferences: <r@x> <s@x>\n\nLater"
        func mbox(_ m: [String]) -> Data { Data(m.map { "From x@y Mon Jan  1 00:00:00 2024\n" + $0 + "\n" }.joined().utf8) }
        var thread = try #require(try Importer.read(mbox([root, reply]), source: "1.mbox").threads.first)
        let second = try #require(try Importer.read(mbox([later]), source: "2.mbox").threads.first)
        #expect(second.id == thread.id)  // the thread id is the top of the References chain
        #expect(thread.merge(second) == 1)
        #expect(thread.posts.first { $0.id == "t@x" }?.parent == "s@x")
        #expect(!thread.posts.contains { $0.placeholder })  // the stand-in for <s@x> gave way to the real post
        ReplyTree(posts: thread.posts).checkInvariants()
    }
}

struct MailDateFormatTests {
    static let dates: [(Double, String, String)] = [
        (1_704_103_200, "Mon, 1 Jan 2024 10:00:00 +0000", "Mon Jan  1 10:00:00 2024"),
        (0, "Thu, 1 Jan 1970 00:00:00 +0000", "Thu Jan  1 00:00:00 1970"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000", "Tue Feb 29 00:00:00 2000"),
        (-1, "Wed, 31 Dec 1969 23:59:59 +0000", "Wed Dec 31 23:59:59 1969"),
    ]

    @Test("dates are written as RFC 5322 and mbox envelopes want them, and read back", arguments: dates)
    func formats(seconds: Double, rfc: String, envelope: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(MailDate.rfc5322(date) == rfc)
        #expect(MailDate.asctime(date) == envelope)
        #expect(MailDate.parse(rfc) == date)
    }
}

/// A forced format is a promise about the content: content that breaks it is refused in one sentence.
struct ForcedFormatTests {
    static let mbox = "From a@x Mon Jan  1 00:00:00 2001\nFrom: a@x\nMessage-ID: <1@x>\nSubject: s\n\nbody\n"
    static let message = "From: a@x\nMessage-ID: <1@x>\nSubject: s\n\nbody\n"
    static let page = "<!DOCTYPE html><html><body><p>hi</p></body></html>"

    @Test(arguments: [
        (mbox, ImportFormat.maildir, "this is an mbox, not a mail message"),
        (page, .mbox, "this is an HTML page, not an mbox"),
        (message, .mbox, "this is a mail message, not an mbox"),
        (mbox, .json, "this is an mbox, not JSON"),
        (message, .page, "this is a mail message, not an HTML page"),
    ])
    func contentThatIsNotTheForcedFormatIsRefused(text: String, format: ImportFormat, reason: String) {
        do {
            let batch = try Importer.read(Data(text.utf8), source: "in.file", format: format)
            Issue.record("taken as \(format): \(batch.threads.count) threads")
        } catch let error as ImportError {
            #expect(error.source == "in.file")
            #expect(error.reason.contains(reason), "\(error.reason)")
            #expect(error.reason.hasPrefix("--format \(format.rawValue) was given"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func contentThatIsTheForcedFormatIsRead() throws {
        #expect(try Importer.read(Data(Self.mbox.utf8), source: "a.mbox", format: .mbox).threads.count == 1)
        #expect(try Importer.read(Data(Self.message.utf8), source: "a.eml", format: .maildir).threads.count == 1)
    }
}
