import Foundation
import Testing
import WeftModel
import WeftTestSupport
@testable import WeftFormats

/// A record set aside comes back as it went, whether it is still waiting in memory or in the file.
struct MailSpillRecordTests {
    static func record(_ k: Int) -> MailRecord {
        MailRecord(body: String(repeating: "line \(k) é🙂\n", count: 1 + k % 90),
                   headers: k % 3 == 0 ? nil : MailHeaders(from: "A <a@x>", to: k % 2 == 0 ? nil : "list@x", date: "Mon, 1 Jan 2024"),
                   subject: k % 5 == 0 ? "" : "Re: subject \(k)", author: k % 7 == 0 ? nil : "Author \(k)", isHTML: k % 4 == 0,
                   origin: k % 11 == 0 ? nil : MailItem.Origin(source: Int32(k % 3), position: .init(message: k, line: k * 40, byte: k * 1_500)))
    }

    static func same(_ a: MailRecord, _ b: MailRecord) -> Bool {
        a.body == b.body && a.headers == b.headers && a.subject == b.subject && a.author == b.author && a.isHTML == b.isHTML
            && a.origin?.source == b.origin?.source && a.origin?.position.description == b.origin?.position.description
    }

    @Test func recordsComeBackFromTheFileAndFromWhatIsStillWaiting() throws {
        let dir = temporaryDirectory("weft-spill-records")
        defer { try? FileManager.default.removeItem(at: dir) }
        let spill = try MailSpill(path: dir.appendingPathComponent("spill").path)
        // About 3 MB: several writes to the file, and a last part still waiting.
        let refs = try (0..<3_000).map { try spill.write(Self.record($0)) }
        let size = (try FileManager.default.attributesOfItem(atPath: spill.path)[.size] as? Int) ?? 0
        #expect(size > 0 && Int64(size) < refs.last!.offset, "some records are in the file and the last are waiting")
        for k in stride(from: 0, to: 3_000, by: 7) + [2_999] {
            #expect(Self.same(try spill.read(refs[k]), Self.record(k)), "record \(k)")
        }
    }
}
