import Foundation

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
        let head = String(decoding: bytes.prefix(8192), as: UTF8.self)
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
        (savedFrom, savedAt) = PageSource.saveComment(head)
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

    /// The charset a page's `meta` declares in its first bytes.
    static func declaredCharset(_ head: String) -> String? {
        let lower = head.lowercased()
        var search = lower[...]
        while let r = search.range(of: "charset=") {
            var rest = lower[r.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            rest = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
            if !rest.isEmpty { return String(rest) }
            search = lower[r.upperBound...]
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
