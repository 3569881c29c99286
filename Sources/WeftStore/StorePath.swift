import WeftModel
/// Turns ids from data into file names that cannot escape or break the store.
///
/// Every byte outside `[A-Za-z0-9_-]` (and a `.` anywhere but the middle) is
/// percent-encoded, so `../../x`, `/`, NUL and control characters become
/// plain names. Names longer than ``maxLength`` keep a readable prefix and
/// end in a 64-bit FNV-1a hash of the whole id. The thread's real id is kept
/// inside the file, so the name is only a key.
public enum StorePath {
    /// The longest file name made, well under every file system's 255-byte limit.
    public static let maxLength = 120

    /// The file name stem (no extension) for an id.
    public static func stem(for id: String) -> String {
        var out = ""
        let bytes = Array(id.utf8)
        for (i, b) in bytes.enumerated() {
            let c = Character(Unicode.Scalar(b))
            let plain = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2D || b == 0x5F || (b == 0x2E && i > 0 && i < bytes.count - 1)
            if plain { out.append(c) } else { out += "%" + hex(b) }
        }
        if out.isEmpty { out = "%empty" }
        if out.utf8.count > maxLength {
            out = String(out.prefix(maxLength - 18)) + "~" + fnv1a(bytes)
        }
        return out
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// FNV-1a, 64-bit, as 16 hex digits (see ``StableHash``).
    static func fnv1a(_ bytes: [UInt8]) -> String {
        let s = String(StableHash.bytes(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
