import Foundation
import Testing
import WeftTestSupport
@testable import WeftFormats

/// An mbox read a block at a time gives the messages, offsets and lines the whole file gives,
/// wherever the blocks happen to end.
struct MboxReaderTests {
    /// The messages a reader gives: offset, line and unescaped bytes of each.
    static func read(_ path: String, blockSize: Int) throws -> [(Int, Int, [UInt8])] {
        var reader = try #require(MboxReader(path: path, blockSize: blockSize))
        defer { reader.close() }
        var out: [(Int, Int, [UInt8])] = []
        while let (spans, bytes) = try reader.next() {
            out += spans.map { ($0.offset, $0.line, Mbox.unescape(bytes[$0.body])) }
        }
        return out
    }

    static func whole(_ path: String) throws -> [(Int, Int, [UInt8])] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return Mbox.spans(bytes).map { ($0.offset, $0.line, Mbox.unescape(bytes[$0.body])) }
    }

    static func check(_ path: String, blockSizes: [Int]) throws {
        let expected = try whole(path)
        #expect(!expected.isEmpty)
        for size in blockSizes {
            let got = try read(path, blockSize: size)
            #expect(got.count == expected.count, "block of \(size) bytes")
            for (g, e) in zip(got, expected) where g.0 != e.0 || g.1 != e.1 || g.2 != e.2 {
                Issue.record("block of \(size) bytes: the message at byte \(e.0) (line \(e.1)) differs")
                break
            }
        }
    }

    @Test func messagesSplitAcrossBlocksOfAnySizeComeOutWhole() throws {
        let dir = temporaryDirectory("weft-mbox-reader")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("m.mbox").path
        // A message longer than a block, a ">From " line, a file without a final newline.
        var text = ""
        for i in 0..<40 {
            let body = i == 7 ? String(repeating: "a long line of text\n", count: 200) : "body \(i)\n>From the start\n"
            text += "From x@y Mon Jan  1 00:00:00 2024\nFrom: x <x@y>\nSubject: s\(i)\nMessage-ID: <\(i)@y>\n\n\(body)\n"
        }
        text += "From x@y Mon Jan  1 00:00:00 2024\nSubject: last\n\nno newline"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try Self.check(path, blockSizes: [64, 65, 100, 333, 4_096, 1 << 20])
    }

    @Test(.enabled(if: SharedData.has("data/mbox-ksummit-discuss"), "../shared/data is absent"))
    func aRealArchiveReadInBlocksGivesEveryMessageTheWholeFileGives() throws {
        try Self.check(SharedData.url("data/mbox-ksummit-discuss/ksummit-discuss.mbox").path, blockSizes: [4_096, 65_536])
    }
}
