import Foundation

/// Decodes RFC 2047 encoded words (`=?UTF-8?Q?Caf=C3=A9?=`) in header values.
///
/// White space between two adjacent encoded words is dropped, as the RFC
/// says; an encoded word in an unknown charset is decoded as UTF-8.
public enum EncodedWords {
    /// The header value with every encoded word decoded.
    public static func decode(_ value: String) -> String {
        guard mayHoldEncodedWord(value) else { return value }
        var out = ""
        var rest = Substring(value)
        var pendingSpace = ""
        var lastWasEncoded = false
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (text, length) = word(rest) {
                if !lastWasEncoded { out += pendingSpace }
                out += text
                rest = rest.dropFirst(length)
                pendingSpace = ""
                lastWasEncoded = true
                continue
            }
            let c = rest.removeFirst()
            if c == " " || c == "\t" {
                pendingSpace.append(c)
            } else {
                out += pendingSpace
                pendingSpace = ""
                out.append(c)
                lastWasEncoded = false
            }
        }
        return out + pendingSpace
    }

    /// Whether `value` has a `=?` anywhere: most headers have no encoded word, and this runs twice per message.
    ///
    /// A loop over the bytes: both `String.contains` (Foundation) and `utf8.firstRange(of:)` (a generic
    /// searcher) cost more than the whole rest of a header's parse.
    static func mayHoldEncodedWord(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == 0x3F, previous == 0x3D { return true }
            previous = byte
        }
        return false
    }

    /// Decodes one encoded word at the start of `s`: its text and how many characters it took.
    private static func word(_ s: Substring) -> (String, Int)? {
        let parts = s.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("=") else { return nil }
        let charset = parts[0].split(separator: "*").first.map(String.init) ?? ""
        let encoding = parts[1].uppercased()
        let payload = parts[2]
        guard !payload.contains(" " as Character) else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "B":
            guard let d = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters)
                ?? Data(base64Encoded: String(payload) + "=", options: .ignoreUnknownCharacters)
                ?? Data(base64Encoded: String(payload) + "==", options: .ignoreUnknownCharacters) else { return nil }
            bytes = Array(d)
        case "Q":
            bytes = QuotedPrintable.decode(Array(payload.utf8), underscoreIsSpace: true)
        default:
            return nil
        }
        let length = 2 + parts[0].count + 1 + parts[1].count + 1 + payload.count + 2
        return (Charset.decode(bytes, charset: charset).text, length)
    }
}

/// Quoted-printable decoding (RFC 2045), lenient about malformed escapes.
public enum QuotedPrintable {
    /// Decodes bytes; `=XX` escapes, soft line breaks (`=` at a line end), and `_` as space in headers.
    public static func decode(_ input: [UInt8], underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let b = input[i]
            if b == 0x3D {  // "="
                if i + 1 < input.count, input[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < input.count, input[i + 1] == 0x0D, input[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < input.count, let h = hex(input[i + 1]), let l = hex(input[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
                // Trailing white space before a soft break.
                var j = i + 1
                while j < input.count, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
                if j < input.count, input[j] == 0x0A || input[j] == 0x0D {
                    i = input[j] == 0x0D && j + 1 < input.count && input[j + 1] == 0x0A ? j + 2 : j + 1
                    continue
                }
                out.append(b)
                i += 1
            } else if b == 0x5F && underscoreIsSpace {
                out.append(0x20)
                i += 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
