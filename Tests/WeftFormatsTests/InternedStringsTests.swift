import Foundation
import Testing
@testable import WeftFormats

/// The id table gives each string one number, finds it again, gives it back, and sorts as `String` does.
struct InternedStringsTests {
    static let samples = [
        "a@x", "b@x", "", "a@x#2", "20240101.abc@mail.example.com", "A@X", "a@x ", "é@x", "e\u{301}@x",
        "日本@例え", "zz", "z", "🙂@x", "a@y", "a",
    ]

    @Test func eachStringKeepsOneNumberAndComesBackAsItWas() {
        var table = InternedStrings()
        let numbers = Self.samples.map { table.number($0) }
        #expect(numbers == Self.samples.indices.map(Int32.init))
        #expect(Self.samples.map { table.number($0) } == numbers, "a string met again keeps its number")
        for (s, n) in zip(Self.samples, numbers) {
            #expect(table[n] == s)
            #expect(table.find(s) == n)
        }
        #expect(table.find("never@x") == nil)
        #expect(table.count == Self.samples.count)
        table.checkInvariants()
    }

    @Test func aTableOfAHundredThousandStringsGrowsAndFindsEveryOne() {
        var table = InternedStrings()
        for k in 0..<100_000 { #expect(table.number("m\(k)@bench.invalid") == Int32(k)) }
        for k in stride(from: 0, to: 100_000, by: 997) { #expect(table.find("m\(k)@bench.invalid") == Int32(k)) }
        #expect(table.find("m100000@bench.invalid") == nil)
        table.checkInvariants()
    }

    @Test func stringsSortAsStringSortsThem() {
        var table = InternedStrings()
        for s in Self.samples { _ = table.number(s) }
        for a in Self.samples.indices {
            for b in Self.samples.indices {
                let (sa, sb) = (Self.samples[a], Self.samples[b])
                #expect(table.less(Int32(a), Int32(b)) == (sa < sb), "\(sa) < \(sb)")
            }
        }
    }

    @Test(arguments: [("a@x#2", true), ("a@x", false), ("#", true), ("", false)])
    func aByteIsFoundInAStringWithoutMakingIt(string: String, hasHash: Bool) {
        var table = InternedStrings()
        let n = table.number(string)
        #expect(table.contains(n, byte: UInt8(ascii: "#")) == hasHash)
    }
}
