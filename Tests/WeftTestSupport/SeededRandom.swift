/// A seedable generator for shuffles (SplitMix64), so a failing split can be replayed.
public struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `items` dealt into `k` random piles, the piles in random groups.
public func dealt<T>(_ items: [T], k: Int, rng: inout SeededRandom) -> (piles: [[T]], groups: [[Int]]) {
    var piles = Array(repeating: [T](), count: k)
    for item in items.shuffled(using: &rng) { piles[Int.random(in: 0..<k, using: &rng)].append(item) }
    piles.removeAll { $0.isEmpty }
    var order = Array(piles.indices).shuffled(using: &rng)
    var groups: [[Int]] = []
    while !order.isEmpty {
        let n = Int.random(in: 1...order.count, using: &rng)
        groups.append(Array(order.prefix(n)))
        order.removeFirst(n)
    }
    return (piles, groups)
}
