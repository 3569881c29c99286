import Foundation
import Testing
import WeftModel
import WeftTestSupport
@testable import WeftFormats

/// Threads decided first and made later hold every message once, under distinct ids, however and
/// how often they are made.
struct MailThreadsTests {
    /// A small archive: a thread with a missing top, a duplicate id, an orphan by subject, a stand-in root.
    static let mbox = [
        ("a@x", "Topic", "", "One."),
        ("b@x", "Re: Topic", "References: <a@x>\n", "Two."),
        ("c@x", "Re: Topic", "References: <gone@x> <a@x> <b@x>\n", "Three."),
        ("d@x", "Re: Other", "In-Reply-To: <lost@x>\n", "An orphan."),
        ("e@x", "Other", "", "The other thread."),
        ("a@x", "Topic", "", "Another message under a@x."),
        ("f@x", "Re: Third", "In-Reply-To: <missing@x>\n", "Replies to a missing message."),
        ("g@x", "Re: Third", "In-Reply-To: <missing@x>\n", "So does this."),
    ].enumerated().map { k, m in
        "From x Mon Jan  1 00:00:00 2024\nFrom: P\(k) <p\(k)@x>\nSubject: \(m.1)\nDate: Mon, \(k + 1) Jan 2024 10:00:00 +0000\n"
            + "Message-ID: <\(m.0)>\n\(m.2)\n\(m.3)\n"
    }.joined(separator: "\n")

    static func plan(_ text: String, spill: String? = nil) throws -> MailThreads {
        var importer = MailImporter()
        if let spill { importer.spill = try MailSpill(path: spill) }
        importer.addMbox(Array(text.utf8), source: "test.mbox")
        return importer.plan()
    }

    static func check(_ threads: MailThreads, messages: Int) throws {
        threads.forest.checkInvariants()
        let all = try threads.all()
        #expect(Set(all.map(\.id)).count == all.count, "thread ids are distinct")
        #expect(all.map(\.id) == (0..<threads.count).map(threads.id))
        let posts = all.flatMap { $0.posts.filter { !$0.placeholder }.map(\.id) }
        #expect(posts.count == messages && Set(posts).count == messages, "every message is in one thread")
        // Made again, one at a time and in slices, a thread is the same.
        for k in 0..<threads.count { #expect(try threads.thread(k) == all[k]) }
        #expect(try threads.threads(1..<min(3, threads.count)) == Array(all[1..<min(3, threads.count)]))
    }

    @Test func aSmallArchiveIsMadeTheSameWhicheverWayItsThreadsAreAskedFor() throws {
        let threads = try Self.plan(Self.mbox)
        try Self.check(threads, messages: 8)
        let all = try threads.all()
        let topic = try #require(all.first { $0.id == "a@x" })
        #expect(topic.posts.map(\.id) == ["a@x", "b@x", "c@x"])
        #expect(all.first { $0.id == "a@x#2" }?.posts.count == 1, "the second a@x is numbered, and stands alone")
        #expect(all.first { $0.title == "Other" }?.posts.contains { $0.id == "d@x" } == true, "the orphan joins by subject")
        #expect(all.first { $0.title == "Third" }?.posts.first?.placeholder == true, "two replies to a missing message share a stand-in")
    }

    @Test func whatThreadingHoldsForAMessageStaysSmall() {
        // A million are held at once: every byte here is a megabyte of an import's peak.
        #expect(MemoryLayout<MailItem>.stride == 48)
    }

    @Test func textsSetAsideComeBackWhenTheThreadsAreMade() throws {
        let dir = temporaryDirectory("weft-mail-threads")
        defer { try? FileManager.default.removeItem(at: dir) }
        let kept = try Self.plan(Self.mbox).all()
        let spilled = try Self.plan(Self.mbox, spill: dir.appendingPathComponent("spill").path)
        #expect(try spilled.all() == kept)
    }

    @Test(.enabled(if: SharedData.has("data/mbox-ksummit-discuss"), "../shared/data is absent"))
    func aRealListArchiveIsMadeTheSameWhicheverWayItsThreadsAreAskedFor() throws {
        let url = SharedData.url("data/mbox-ksummit-discuss/ksummit-discuss.mbox")
        var importer = MailImporter()
        importer.addMbox([UInt8](try Data(contentsOf: url)), source: url.path)
        let count = importer.count
        try Self.check(importer.plan(), messages: count)
    }
}
