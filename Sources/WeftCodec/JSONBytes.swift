/// JSON text written by hand, byte for byte as `JSONFormatting.encoder()` writes it: for the outputs
/// whose size makes Foundation's encoder the slowest part (thread files, `weft list --json`).
///
/// Tests compare every writer built on it with the encoder.
public struct JSONBytes {
    /// The bytes so far.
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// Empties the bytes written so far, keeping their room (for output written a chunk at a time).
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Text as it is (punctuation, indentation, key names written with their quotes).
    public mutating func raw(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    /// A string value, escaped as the encoder escapes (slashes left alone).
    public mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            // The runs between escapes are copied whole: a post's text is mostly runs between newlines.
            var start = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard JSONBytes.needsEscape(b) else { continue }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                escaped(b)
                start = i + 1
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(0x22)
    }

    private mutating func escaped(_ b: UInt8) {
        switch b {
        case 0x22: raw(#"\""#)
        case 0x5C: raw(#"\\"#)
        case 0x08: raw(#"\b"#)
        case 0x09: raw(#"\t"#)
        case 0x0A: raw(#"\n"#)
        case 0x0C: raw(#"\f"#)
        case 0x0D: raw(#"\r"#)
        case 0..<0x20:
            raw(#"\u00"#)
            bytes.append(JSONBytes.hex(b >> 4))
            bytes.append(JSONBytes.hex(b & 0xF))
        default: bytes.append(b)
        }
    }

    /// A string, or `null`.
    public mutating func optional(_ s: String?) { if let s { string(s) } else { raw("null") } }

    /// An integer.
    public mutating func int(_ n: Int) {
        guard n >= 0 else { bytes.append(contentsOf: String(n).utf8); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count
            var v = n
            repeat {
                at -= 1
                buffer[at] = 0x30 + UInt8(v % 10)
                v /= 10
            } while v > 0
            bytes.append(contentsOf: buffer[at...])
        }
    }

    /// `count` spaces.
    public mutating func indent(_ count: Int) { bytes.append(contentsOf: repeatElement(0x20, count: count)) }

    /// Whether a byte cannot stand as itself inside a JSON string: a quote, a backslash or a control character.
    static func needsEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C }

    private static func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }
}
