import Foundation
import Testing
import WeftFormats
import WeftImport
import WeftModel
import WeftStore
import WeftTestSupport

/// Mail imported in parts, in separate imports and in any order, ends as the whole archive does:
/// the same threads, posts, parents and bodies, and duplicate Message-IDs resolved the same way.
@Suite struct MailSplitImportTests {
    /// One `weft import` of mail files: their messages threaded together and with the stored mail they touch.
    ///
    /// With `spill`, the messages' texts wait in a scratch file of the store while the mail is threaded,
    /// as `weft import` does; the whole archives below are imported without it, so every comparison with
    /// them also holds the two ways to one result.
    static func importMail(_ files: [URL], into store: FileStore, spill: Bool = true) throws -> MergeResult {
        let collector = MailCollector()
        if spill { try collector.spill(to: store.scratchPath("mail.spill")) }
        for file in files { _ = try Importer.read(file.path, mail: collector) }
        let index = try StoreIndex(directory: store.indexDir)
        let (threads, rethreaded) = try MailThreading.threads(collector, store: store, index: index)
        return try ImportPipeline(store: store, index: index).merge(threads, rethreaded: rethreaded)
    }

    /// A small list archive of its own, with every shape the threading must agree on across imports.
    static let messages: [(id: String, subject: String, day: Int, headers: String, body: String)] = [
        ("a@x", "Topic", 1, "", "The opening post."),
        ("b@x", "Re: Topic", 2, "In-Reply-To: <a@x>\nReferences: <a@x>\n", "A reply to a."),
        ("c@x", "Re: Topic", 3, "References: <a@x> <b@x>\n", "A reply to b, with the whole chain."),
        ("d@x", "Re: Topic", 4, "In-Reply-To: <b@x>\n", "A reply to b, naming only b."),
        ("e@x", "Re: Topic", 5, "In-Reply-To: <never@x>\n", "A reply whose parent never arrives."),
        ("f@x", "Other", 1, "", "Another thread."),
        ("f@x", "Other", 6, "", "A different message under the same Message-ID."),
        ("b@x", "Re: Topic", 2, "In-Reply-To: <a@x>\nReferences: <a@x>\n", "A reply to a."),
        ("i@x", "Re: Other", 7, "References: <gone@x> <f@x>\n", "Under f, below a missing top."),
        ("j@x", "Re: [list] Other", 8, "In-Reply-To: <lost@x>\n", "An orphan of the other thread."),
    ]

    static func mbox(_ picks: [Int]) -> String {
        picks.map { i in
            let m = messages[i]
            return """
                From someone Mon Jan  \(m.day) 00:00:00 2024
                From: Person \(m.id.prefix(1)) <\(m.id.prefix(1))@example.org>
                Subject: \(m.subject)
                Date: Mon, \(m.day) Jan 2024 10:00:00 +0000
                Message-ID: <\(m.id)>
                \(m.headers)
                \(m.body)

                """
        }.joined()
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func aSmallArchiveImportedInPartsInAnyOrderEndsAsTheWhole(seed: UInt64) throws {
        let dir = temporaryDirectory("weft-mail-split")
        defer { try? FileManager.default.removeItem(at: dir) }
        let wholeFile = dir.appendingPathComponent("whole.mbox")
        try Self.mbox(Array(Self.messages.indices)).write(to: wholeFile, atomically: true, encoding: .utf8)
        let whole = try FileStore(root: dir.appendingPathComponent("whole"), create: true)
        _ = try Self.importMail([wholeFile], into: whole, spill: false)
        let expected = try SplitImportTests.contents(whole)
        // Two messages under one Message-ID and subject that reply to nothing are two threads (jwz joins
        // only replies by subject); the earlier keeps the id and collects the orphan "Re: [list] Other".
        #expect(expected.keys.sorted() == ["a@x", "f@x", "f@x#2"], "\(expected)")
        #expect(expected["f@x"]?.count == 3)
        #expect(expected.values.reduce(0) { $0 + $1.count } == 9, "nine messages; the copy of b imported once")

        var rng = SeededRandom(seed: seed)
        let (piles, groups) = dealt(Array(Self.messages.indices), k: Int.random(in: 2...Self.messages.count, using: &rng), rng: &rng)
        let files = try piles.enumerated().map { n, pile -> URL in
            let url = dir.appendingPathComponent("part-\(n).mbox")
            try Self.mbox(pile).write(to: url, atomically: true, encoding: .utf8)
            return url
        }
        let store = try FileStore(root: dir.appendingPathComponent("split"), create: true)
        for group in groups { _ = try Self.importMail(group.map { files[$0] }, into: store) }
        #expect(try SplitImportTests.contents(store) == expected, "seed \(seed): \(groups)")
        // The whole again, into the split store: nothing changes.
        let again = try Self.importMail([wholeFile], into: store)
        #expect(again.postsAdded == 0 && again.threadsAdded == 0)
        #expect(try SplitImportTests.contents(store) == expected, "seed \(seed), imported again")
        #expect(try StoreIndex(directory: store.indexDir).checkInvariants() == [], "seed \(seed)")
    }

    @Test func aReadPostStaysReadWhenItsThreadJoinsAnother() throws {
        let dir = temporaryDirectory("weft-mail-join")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir.appendingPathComponent("store"), create: true)
        let replies = dir.appendingPathComponent("replies.mbox")
        try Self.mbox([3]).write(to: replies, atomically: true, encoding: .utf8)
        _ = try Self.importMail([replies], into: store)
        // d names only b: stored alone, it is a thread of its own under a placeholder for b.
        #expect(try IndexedStore(store).summaries().summaries.map(\.id) == ["b@x"])
        try store.updateReadState(thread: "b@x", read: ["d@x"], unread: [])
        let rest = dir.appendingPathComponent("rest.mbox")
        try Self.mbox([0, 1]).write(to: rest, atomically: true, encoding: .utf8)
        let result = try Self.importMail([rest], into: store)
        #expect(result.threadsJoined == 1)
        #expect(result.postsAdded == 2)
        #expect(try IndexedStore(store).summaries().summaries.map(\.id) == ["a@x"])
        let thread = try store.thread(id: "a@x")
        #expect(thread.posts.first { $0.id == "d@x" }?.parent == "b@x")
        #expect(store.readPosts(thread: "a@x") == ["d@x"])
        #expect(!FileManager.default.fileExists(atPath: store.threadFile(for: "b@x").path))
        let index = try StoreIndex(directory: store.indexDir)
        #expect(try index.threads(naming: ["d@x", "b@x"]) == ["a@x"])
        #expect(try index.checkInvariants() == [])
    }

    /// An import killed after writing a batch's files and before recording them leaves the index behind
    /// the files. The next import of mail must still find the threads those files hold.
    @Test func aReplyWrittenByAKilledImportIsFoundWhenItsParentArrives() throws {
        let dir = temporaryDirectory("weft-mail-killed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir.appendingPathComponent("store"), create: true)
        func file(_ name: String, _ picks: [Int]) throws -> URL {
            let url = dir.appendingPathComponent(name)
            try Self.mbox(picks).write(to: url, atomically: true, encoding: .utf8)
            return url
        }
        _ = try Self.importMail([try file("other.mbox", [5])], into: store)  // the index is made and up to date
        // The killed import: d's thread file is written, and the index never hears of it.
        let collector = MailCollector()
        _ = try Importer.read(try file("replies.mbox", [3]).path, mail: collector)
        _ = try ImportPipeline(store: store).merge(try collector.threads())
        #expect(FileManager.default.fileExists(atPath: store.threadFile(for: "b@x").path))
        let result = try Self.importMail([try file("rest.mbox", [0, 1])], into: store)
        #expect(result.threadsJoined == 1)
        let threads = try SplitImportTests.contents(store)
        #expect(threads.keys.sorted() == ["a@x", "f@x"], "\(threads)")
        #expect(try store.thread(id: "a@x").posts.first { $0.id == "d@x" }?.parent == "b@x")
    }

    @Test(.enabled(if: SharedData.has("data/mbox-ksummit-discuss"), "../shared/data is absent"), arguments: [1, 2, 3])
    func aRealListArchiveImportedInPartsEndsAsTheWhole(seed: UInt64) throws {
        let text = try String(contentsOf: SharedData.url("data/mbox-ksummit-discuss/ksummit-discuss.mbox"), encoding: .utf8)
        var messages: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("From ") && !current.isEmpty { messages.append(current); current = "" }
            current += line + "\n"
        }
        if !current.isEmpty { messages.append(current) }
        let dir = temporaryDirectory("weft-split-mbox")
        defer { try? FileManager.default.removeItem(at: dir) }
        let wholeFile = dir.appendingPathComponent("whole.mbox")
        try Data(messages.joined().utf8).write(to: wholeFile)
        let whole = try FileStore(root: dir.appendingPathComponent("whole"), create: true)
        _ = try Self.importMail([wholeFile], into: whole, spill: false)
        let expected = try SplitImportTests.contents(whole)
        // Python's mailbox: 759 messages; one Message-ID is used by two different messages, kept as two.
        #expect(expected.values.reduce(0) { $0 + $1.count } == 759)
        var rng = SeededRandom(seed: seed)
        for k in [3, 12] {
            let (piles, groups) = dealt(messages, k: k, rng: &rng)
            let files = try piles.enumerated().map { n, pile -> URL in
                let url = dir.appendingPathComponent("s\(seed)-k\(k)-\(n).mbox")
                try Data(pile.joined().utf8).write(to: url)
                return url
            }
            let store = try FileStore(root: dir.appendingPathComponent("split-\(seed)-\(k)"), create: true)
            for group in groups { _ = try Self.importMail(group.map { files[$0] }, into: store) }
            let got = try SplitImportTests.contents(store)
            #expect(got == expected, "seed \(seed), \(k) files in \(groups.count) imports")
            let again = try Self.importMail([wholeFile], into: store)
            #expect(again.postsAdded == 0 && again.threadsAdded == 0 && again.threadsJoined == 0)
            #expect(try SplitImportTests.contents(store) == expected, "seed \(seed), \(k) files, then the whole again")
            if got != expected {
                let (a, b) = (Set(got.values.joined()), Set(expected.values.joined()))
                print("only split:", a.subtracting(b).map { $0.prefix(120) }.sorted().prefix(8))
                print("only whole:", b.subtracting(a).map { $0.prefix(120) }.sorted().prefix(8))
                print("threads:", got.count, expected.count)
            }
        }
    }

    @Test(.enabled(if: SharedData.has("data/maildir-notmuch"), "../shared/data is absent"), arguments: [1, 2])
    func aMaildirDealtIntoSeveralMaildirsEndsAsTheWhole(seed: UInt64) throws {
        let source = SharedData.url("data/maildir-notmuch")
        let files = FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey])!
            .compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .filter { !["README", "SOURCE.txt"].contains($0.lastPathComponent) }
            .sorted { $0.path < $1.path }
        #expect(files.count > 200)
        let dir = temporaryDirectory("weft-split-maildir")
        defer { try? FileManager.default.removeItem(at: dir) }
        /// A Maildir holding `picks`, under names that stay unique.
        func maildir(_ name: String, _ picks: [Int]) throws -> URL {
            let cur = dir.appendingPathComponent(name).appendingPathComponent("cur")
            try FileManager.default.createDirectory(at: cur, withIntermediateDirectories: true)
            for i in picks { try FileManager.default.copyItem(at: files[i], to: cur.appendingPathComponent("\(i).host:2,S")) }
            return cur.deletingLastPathComponent()
        }
        let whole = try FileStore(root: dir.appendingPathComponent("whole-store"), create: true)
        _ = try Self.importMail([maildir("whole", Array(files.indices))], into: whole)
        let expected = try SplitImportTests.contents(whole)
        var rng = SeededRandom(seed: seed)
        let (piles, groups) = dealt(Array(files.indices), k: 6, rng: &rng)
        let parts = try piles.enumerated().map { try maildir("part-\($0)", $1) }
        let store = try FileStore(root: dir.appendingPathComponent("split-store"), create: true)
        for group in groups { _ = try Self.importMail(group.map { parts[$0] }, into: store) }
        #expect(try SplitImportTests.contents(store) == expected, "seed \(seed), \(groups)")
    }
}
