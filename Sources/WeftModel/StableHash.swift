/// A hash that is the same on every run and machine (Swift's `Hasher` is seeded per process).
///
/// FNV-1a, 64-bit: written by hand because it is five lines, and a
/// cryptographic package would cost a long build for ids that need no security.
public enum StableHash {
    /// The 64-bit FNV-1a hash of the text's UTF-8 bytes.
    public static func value<S: StringProtocol>(_ text: S) -> UInt64 {
        // Hashed where the bytes are (a post's text), not from a copy of them.
        text.utf8.withContiguousStorageIfAvailable { bytes($0) } ?? bytes(Array(text.utf8))
    }

    /// The 64-bit FNV-1a hash of bytes (inlinable: the mail importer hashes every Message-ID it meets).
    @inlinable
    public static func bytes(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The hash as 16 lower-case hex digits.
    public static func hex<S: StringProtocol>(_ text: S) -> String {
        let s = String(value(text), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
