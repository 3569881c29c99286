import Foundation

/// Substring search on bytes with the C library's `memchr` and `memcmp`: the generic
/// `firstRange(of:)` compares byte by byte through protocol witnesses and made quote
/// resolution in a 5,000-post thread take seconds. (`memmem` is a GNU extension that
/// Swift's Glibc module does not show.)
enum ByteSearch {
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                let base = h.baseAddress!
                var offset = 0
                let last = h.count - n.count
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    if memcmp(hit, n.baseAddress!, n.count) == 0 { return true }
                    offset = base.distance(to: UnsafeRawPointer(hit)) + 1
                }
                return false
            }
        }
    }
}
