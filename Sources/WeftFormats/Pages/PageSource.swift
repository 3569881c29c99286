import Foundation
import WeftModel

/// A saved page's bytes as text, with what the file says about where and when it was saved.
struct PageSource {
    /// The page as UTF-8 text.
    var text: String
    /// The charset the page was read in (its declared one, or what its bytes proved to be).
    var charset: String
    /// Set when the bytes did not decode cleanly: what was done about it.
    var charsetNote: String?
    /// The address the page was saved from (HTTrack's "Mirrored from" or a browser's "saved from url" comment).
    var savedFrom: String?
    /// When the page was saved, from HTTrack's comment.
    var savedAt: Date?

    /// Decodes a page in its declared charset, through iconv for anything but UTF-8.
    init(bytes: [UInt8]) {
        let head = bytes.prefix(8192).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var declared = PageSource.declaredCharset(head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { declared = "utf-8" }
        let (text, outcome) = Charset.decode(bytes, charset: declared ?? "utf-8")
        switch outcome {
        case .exact:
            self.text = text
            charset = declared ?? "utf-8"
        case .replacedInvalidBytes where declared == nil:
            // Undeclared and not UTF-8: the old web's default.
            self.text = Charset.decode(bytes, charset: "windows-1252").text
            charset = "windows-1252"
            charsetNote = "no charset declared and not UTF-8; read as Windows-1252"
        case .replacedInvalidBytes:
            self.text = text
            charset = declared ?? "utf-8"
            charsetNote = "bytes that are not \(charset) were replaced with U+FFFD"
        case .unknownCharset:
            self.text = text
            charset = "utf-8"
            charsetNote = "unknown charset \"\(declared ?? "")\"; read as UTF-8"
        }
        let commented = ByteSearch.contains(head, Array("<!-- mirrored from ".utf8))
            || ByteSearch.contains(head, Array("<!-- saved from url".utf8))
        (savedFrom, savedAt) = commented ? PageSource.saveComment(String(decoding: bytes.prefix(8192), as: UTF8.self)) : (nil, nil)
        self.text = PageSource.withoutInternalSubset(self.text)
    }

    /// The page with a doctype's internal subset (`<!DOCTYPE html [<!ENTITY …>]>`) taken out.
    ///
    /// HTML has no entity declarations; browsers end such a doctype at its first `>` and show the
    /// rest as text. Taking the subset out keeps the page's markup whole and declares nothing.
    static func withoutInternalSubset(_ text: String) -> String {
        let head = text.prefix(512).lowercased()
        guard let doctype = head.range(of: "<!doctype"), let bracket = head[doctype.upperBound...].firstIndex(of: "["),
              head[doctype.upperBound..<bracket].firstIndex(of: ">") == nil else { return text }
        let start = text.index(text.startIndex, offsetBy: head.distance(from: head.startIndex, to: doctype.lowerBound))
        guard let end = text[start...].range(of: "]>") else { return text }
        return text.replacingCharacters(in: start..<end.upperBound, with: "<!DOCTYPE html>")
    }

    /// The charset a page's `meta` declares in its first bytes (`lower`, ASCII lower-cased).
    static func declaredCharset(_ lower: [UInt8]) -> String? {
        let key = Array("charset=".utf8)
        var from = 0
        while let at = ByteSearch.firstIndex(of: key, in: lower, from: from) {
            var i = at + key.count
            while i < lower.count, lower[i] == 0x22 || lower[i] == 0x27 || lower[i] == 0x20 { i += 1 }
            let start = i
            while i < lower.count, lower[i] < 0x80, (lower[i] >= 0x61 && lower[i] <= 0x7A) || (lower[i] >= 0x30 && lower[i] <= 0x39)
                || lower[i] == 0x2D || lower[i] == 0x5F || lower[i] == 0x3A { i += 1 }
            if i > start { return String(decoding: lower[start..<i], as: UTF8.self) }
            from = at + key.count
        }
        return nil
    }

    /// The address and time in HTTrack's `<!-- Mirrored from URL by HTTrack …, DATE -->`, or a browser's `<!-- saved from url=(N)URL -->`.
    static func saveComment(_ head: String) -> (String?, Date?) {
        if let r = head.range(of: "<!-- Mirrored from ") {
            let rest = head[r.upperBound...]
            let end = rest.range(of: "-->")?.lowerBound ?? rest.endIndex
            let comment = rest[..<end]
            let url = comment.split(separator: " ").first.map(String.init)
            var date: Date?
            if let close = comment.range(of: "], ") {
                date = MailDate.parse(String(comment[close.upperBound...]).trimmingCharacters(in: .whitespaces))
            }
            return (url, date)
        }
        if let r = head.range(of: "<!-- saved from url=(") {
            let rest = head[r.upperBound...].drop { $0 != ")" }.dropFirst()
            var url = String(rest.prefix { !$0.isWhitespace })
            if url.hasSuffix("-->") { url.removeLast(3) }
            return (url.isEmpty ? nil : url, nil)
        }
        return (nil, nil)
    }

    /// Whether the first bytes of a file are an HTML page (a doctype, an `<html>` tag, a save comment).
    static func looksLikeHTML(_ head: some Collection<UInt8>) -> Bool {
        let text = String(decoding: head.prefix(2048), as: UTF8.self).lowercased()
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") { return true }
        if start.hasPrefix("<!--") || start.hasPrefix("<?xml") { return text.contains("<html") || text.contains("<!doctype html") }
        return start.hasPrefix("<head") || start.hasPrefix("<meta")
    }
}
