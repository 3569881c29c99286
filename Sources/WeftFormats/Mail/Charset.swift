import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns bytes in a named charset into text.
///
/// UTF-8 is decoded directly (invalid bytes become U+FFFD, with a note);
/// every other charset goes through the C library's `iconv`, which knows
/// ISO-8859-*, Windows-125x, KOI8, GB2312, Big5, Shift_JIS and the rest.
/// "US-ASCII" bodies often carry 8-bit bytes anyway: they are read as UTF-8
/// when valid, else as Windows-1252. An unknown charset is read as UTF-8 and reported.
public enum Charset {
    /// How decoding went.
    public enum Outcome: Equatable {
        case exact
        case replacedInvalidBytes
        case unknownCharset
    }

    /// Decodes bytes in `charset`.
    public static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> (text: String, outcome: Outcome) {
        let array = Array(bytes)
        let name = (charset ?? "us-ascii").lowercased().trimmingCharacters(in: ["\"", "'", " "])
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "":
            return utf8(array)
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us":
            if let s = String(validating: array, as: UTF8.self) { return (s, .exact) }
            if let s = iconv(array, from: "WINDOWS-1252") { return (s, .exact) }
            return utf8(array)
        default:
            if let s = iconv(array, from: name) { return (s, .exact) }
            return (String(decoding: array, as: UTF8.self), .unknownCharset)
        }
    }

    private static func utf8(_ bytes: [UInt8]) -> (String, Outcome) {
        if let s = String(validating: bytes, as: UTF8.self) { return (s, .exact) }
        return (String(decoding: bytes, as: UTF8.self), .replacedInvalidBytes)
    }

    /// Converts with iconv; nil when the charset is unknown or the bytes do not convert.
    static func iconv(_ bytes: [UInt8], from charset: String) -> String? {
        let cd = iconv_open("UTF-8", charset)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                if inLeft == 0 { return 0 }
                let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let n = converted else { return nil }
        return String(decoding: output[0..<n], as: UTF8.self)
    }

    /// Raw header bytes as text: UTF-8 when valid, else Windows-1252 (8-bit headers predate RFC 6532).
    static func headerText(_ bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return iconv(bytes, from: "WINDOWS-1252") ?? String(bytes.map { Character(Unicode.Scalar($0)) })
    }
}
