import Foundation
import WeftModel

/// Strings kept once each and numbered from 0 in the order first met: an import's Message-IDs.
///
/// Threading a million messages needs every id they have or name, each once, and found fast. As
/// `String`s in a `Dictionary`, an id of 30 bytes cost about 125 bytes (an object per string, the
/// dictionary's key and number, an array to give the string back); here it costs its bytes, an end
/// offset and two to four slots of four bytes. Written by hand: neither the standard library nor
/// swift-collections has a table that keeps its keys' bytes in one buffer.
struct InternedStrings: Sendable {
    /// Every string's UTF-8 bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each string ends in `bytes`; it starts where the one before it ends.
    private var ends: [Int] = []
    /// Open addressing with linear probing: a string's number, or -1. A power of two in size, at
    /// most half full.
    private var slots = [Int32](repeating: -1, count: 16)

    /// How many strings are kept.
    var count: Int { ends.count }

    /// The string numbered `n`.
    subscript(n: Int32) -> String { String(decoding: bytes[range(n)], as: UTF8.self) }

    /// The number of `s`, added when it is new.
    mutating func number(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { insert($0) }
    }

    /// The number of `s`, if it is kept.
    func find(_ s: String) -> Int32? {
        var s = s
        return s.withUTF8 { lookup($0).found }
    }

    /// Whether the string numbered `n` holds the byte `b` (without making the string).
    func contains(_ n: Int32, byte b: UInt8) -> Bool { bytes[range(n)].contains(b) }

    /// Whether string `a` sorts before string `b`, as `String`'s `<` sorts them.
    func less(_ a: Int32, _ b: Int32) -> Bool {
        guard a != b else { return false }
        let (ra, rb) = (range(a), range(b))
        let ascii = !bytes[ra].contains { $0 >= 0x80 } && !bytes[rb].contains { $0 >= 0x80 }
        // For ASCII, String compares bytes; for the rest it compares normalized scalars.
        guard ascii else { return self[a] < self[b] }
        return bytes[ra].lexicographicallyPrecedes(bytes[rb])
    }

    private func range(_ n: Int32) -> Range<Int> {
        let i = Int(n)
        return (i == 0 ? 0 : ends[i - 1])..<ends[i]
    }

    /// FNV-1a, with a final mix so that the low bits (the slot) depend on every byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h = StableHash.bytes(key)
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return Int(truncatingIfNeeded: h)
    }

    private func lookup(_ key: UnsafeBufferPointer<UInt8>) -> (found: Int32?, slot: Int) {
        let mask = slots.count - 1
        var i = Self.hash(key) & mask
        while true {
            let n = slots[i]
            if n < 0 { return (nil, i) }
            if equal(n, key) { return (n, i) }
            i = (i + 1) & mask
        }
    }

    private func equal(_ n: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = range(n)
        guard r.count == key.count else { return false }
        guard !r.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + r.lowerBound, key.baseAddress!, r.count) == 0 }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (found, slot) = lookup(key)
        if let found { return found }
        let n = Int32(ends.count)
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        slots[slot] = n
        if ends.count * 2 > slots.count { grow() }
        return n
    }

    private mutating func grow() {
        var grown = [Int32](repeating: -1, count: slots.count * 2)
        let mask = grown.count - 1
        bytes.withUnsafeBufferPointer { all in
            for n in 0..<ends.count {
                var i = Self.hash(UnsafeBufferPointer(rebasing: all[range(Int32(n))])) & mask
                while grown[i] >= 0 { i = (i + 1) & mask }
                grown[i] = Int32(n)
            }
        }
        slots = grown
    }

    /// Checks that every string is found under its own number (for tests).
    func checkInvariants() {
        precondition(slots.count.nonzeroBitCount == 1 && ends.count * 2 <= slots.count, "table too full")
        precondition(slots.filter { $0 >= 0 }.count == ends.count, "a string is missing from the slots")
        for n in 0..<Int32(ends.count) { precondition(find(self[n]) == n, "string \(n) is not found under its number") }
    }
}
