import Foundation
import Testing
import WeftFormats
import WeftImport
import WeftModel
import WeftStore
import WeftTestSupport

/// An import that sets its messages' texts aside while it threads them writes what one that keeps
/// them in memory writes, byte for byte, and leaves no scratch file behind.
struct MailSpillTests {
    /// Every thread file of a store, by name.
    static func files(_ store: FileStore) throws -> [String: Data] {
        let dir = store.root.appendingPathComponent("threads")
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".json") {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    static func compare(_ mbox: URL, in dir: URL) throws {
        let kept = try FileStore(root: dir.appendingPathComponent("kept"), create: true)
        let spilled = try FileStore(root: dir.appendingPathComponent("spilled"), create: true)
        _ = try MailSplitImportTests.importMail([mbox], into: kept, spill: false)
        _ = try MailSplitImportTests.importMail([mbox], into: spilled, spill: true)
        let (a, b) = (try files(kept), try files(spilled))
        #expect(!a.isEmpty && a.keys.sorted() == b.keys.sorted())
        for (name, bytes) in a where b[name] != bytes { Issue.record("\(name) differs when the texts were set aside") }
        let scratch = try FileManager.default.contentsOfDirectory(atPath: spilled.root.path).filter { $0.hasPrefix(".scratch-") }
        #expect(scratch.isEmpty, "left behind: \(scratch)")
    }

    @Test func aSmallArchiveWritesTheSameFilesWhetherItsTextsWaitOnDiskOrInMemory() throws {
        let dir = temporaryDirectory("weft-spill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let mbox = dir.appendingPathComponent("all.mbox")
        try MailSplitImportTests.mbox(Array(MailSplitImportTests.messages.indices)).write(to: mbox, atomically: true, encoding: .utf8)
        try Self.compare(mbox, in: dir)
    }

    @Test(.enabled(if: SharedData.has("data/mbox-ksummit-discuss"), "../shared/data is absent"))
    func aRealListArchiveWritesTheSameFilesWhetherItsTextsWaitOnDiskOrInMemory() throws {
        let dir = temporaryDirectory("weft-spill-ksummit")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.compare(SharedData.url("data/mbox-ksummit-discuss/ksummit-discuss.mbox"), in: dir)
    }

    @Test func aScratchFileOfAProcessThatIsGoneIsRemovedAndOneOfALiveProcessIsKept() throws {
        let dir = temporaryDirectory("weft-scratch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FileStore(root: dir, create: true)
        // pid 1 is always alive; a pid past the kernel's limit never is.
        let gone = dir.appendingPathComponent(".scratch-99999999-mail.spill")
        let alive = dir.appendingPathComponent(".scratch-1-mail.spill")
        for url in [gone, alive] { try Data("x".utf8).write(to: url) }
        store.removeStaleScratchFiles()
        #expect(!FileManager.default.fileExists(atPath: gone.path))
        #expect(FileManager.default.fileExists(atPath: alive.path))
    }
}
