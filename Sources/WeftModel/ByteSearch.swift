import Foundation

/// Substring search on bytes with the C library's `memchr` and `memcmp`: the generic
/// `firstRange(of:)` compares byte by byte through protocol witnesses and made quote
/// resolution in a 5,000-post thread take seconds. (`memmem` is a GNU extension that
/// Swift's Glibc module does not show.)
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack`.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// Where `needle` first occurs in `haystack` at or after `from`.
    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard let first = needle.first else { return from }
        guard from >= 0, haystack.count - from >= needle.count else { return nil }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                let base = h.baseAddress!
                var offset = from
                let last = h.count - n.count
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, n.baseAddress!, n.count) == 0 { return at }
                    offset = at + 1
                }
                return nil
            }
        }
    }
}
