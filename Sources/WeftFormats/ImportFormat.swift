import Foundation

/// The formats `weft import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// Detect from the content.
    case auto
    /// A discussion saved as a plain-text page (see ``PlainTextPage``).
    case text
    /// Weft's JSON thread format, also what scrapers write (see `ThreadDocument`).
    case json

    /// Guesses the format from the first bytes of the content, not the file name.
    public static func detect(_ data: Data) -> ImportFormat {
        var bytes = data.prefix(4096)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        return .text
    }
}
