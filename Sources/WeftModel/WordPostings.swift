import Foundation

/// For each pair of adjacent words in the thread's normalised texts, the posts that hold it; built once, on first use.
///
/// Pairs, not single words: in a long thread even the rarest word of a quote is often in hundreds of
/// posts, a pair of words in few. The table is one sorted array of `pair hash << 20 | post`, so
/// building it is one sort rather than an array per pair, and a pair's posts are a range found by
/// binary search. A hash collision only adds candidates, which the byte search then rejects.
final class WordPostings: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [UInt64]?
    /// Bits kept for the post index; longer threads are searched without the table.
    static let postBits: UInt64 = 20

    /// The posts before `index` that hold the rarest word pair of `probe`, nearest first;
    /// `nil` when the probe has too few whole words to go by, or the thread is too long for the table.
    func posts(holdingRarestWordOf probe: [UInt8], before index: Int, texts: () -> [[UInt8]]) -> [Int]? {
        // The probe's first and last words may be cut; pairs are made of the whole words between them.
        let words = probe.split(separator: 0x20).dropFirst().dropLast()
        guard words.count >= 2, index < 1 << WordPostings.postBits else { return nil }
        let table = lock.withLock { self.table } ?? build(texts())
        var rarest: Range<Int>?
        for (a, b) in zip(words, words.dropFirst()) {
            let r = WordPostings.range(of: WordPostings.key(a, b), in: table)
            if rarest == nil || r.count < rarest!.count { rarest = r }
        }
        var result: [Int] = []
        for entry in table[rarest ?? 0..<0].reversed() {
            let post = Int(entry & ((1 << WordPostings.postBits) - 1))
            if post < index && result.last != post { result.append(post) }
        }
        return result
    }

    private func build(_ texts: [[UInt8]]) -> [UInt64] {
        var entries: [UInt64] = []
        entries.reserveCapacity(texts.reduce(0) { $0 + $1.count } / 5)
        for (i, text) in texts.enumerated() where i < 1 << WordPostings.postBits {
            let words = text.split(separator: 0x20)
            for (a, b) in zip(words, words.dropFirst()) { entries.append(WordPostings.key(a, b) | UInt64(i)) }
        }
        entries.sort()
        lock.withLock { table = entries }
        return entries
    }

    /// The entries whose pair hash is `key`'s.
    private static func range(of key: UInt64, in table: [UInt64]) -> Range<Int> {
        func lowerBound(_ value: UInt64) -> Int {
            var lo = 0, hi = table.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if table[mid] < value { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let start = lowerBound(key)
        let end = key | ((1 << postBits) - 1) == .max ? table.count : lowerBound((key | ((1 << postBits) - 1)) + 1)
        return start..<end
    }

    /// FNV-1a over "a b", its low bits cleared for the post index.
    private static func key(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in a { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        h = (h ^ 0x20) &* 0x100_0000_01b3
        for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h & ~((1 << postBits) - 1)
    }
}
