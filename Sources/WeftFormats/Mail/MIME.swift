import Foundation

/// A parsed `Content-Type` value: `text/plain; charset="utf-8"`.
struct ContentType {
    var type: String
    var subtype: String
    var parameters: [String: String]

    /// Reads a Content-Type value; a missing or broken one is `text/plain`.
    init(_ value: String?) {
        guard let value, !value.trimmed.isEmpty else {
            type = "text"; subtype = "plain"; parameters = [:]
            return
        }
        let parts = ContentType.splitParameters(value)
        let kind = parts[0].lowercased().split(separator: "/", maxSplits: 1)
        type = kind.first.map { String($0.trimmed) } ?? "text"
        subtype = kind.count > 1 ? String(kind[1].trimmed) : "plain"
        parameters = [:]
        for p in parts.dropFirst() {
            guard let eq = p.firstIndex(of: "=") else { continue }
            let key = p[..<eq].trimmed.lowercased()
            var v = String(p[p.index(after: eq)...].trimmed)
            if v.hasPrefix("\"") && v.hasSuffix("\"") && v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            parameters[key] = v
        }
    }

    /// Splits on semicolons outside quotes.
    static func splitParameters(_ s: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for c in s {
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted { parts.append(current); current = "" } else { current.append(c) }
        }
        parts.append(current)
        return parts
    }
}

/// Finds the readable text of a MIME message.
///
/// `text/plain` is preferred; `text/html` is turned into text only when a
/// message has no plain part. Attachments are skipped. Nesting is followed
/// to ``maxDepth`` levels; a boundary that never appears leaves the body as
/// one text part, and a missing closing boundary ends the last part at the
/// end of the message.
enum MIME {
    static let maxDepth = 16

    /// What came out of a message body.
    struct Extracted {
        var text: String
        var format: BodyFormatName
        var warnings: [String]
    }

    /// Whether the text came from a plain or an HTML part.
    enum BodyFormatName { case plain, html }

    /// The text of a message (or part): its headers decide how to read the body.
    static func text(of message: MailMessage) -> Extracted {
        var warnings: [String] = []
        let result = best(message, depth: 0, warnings: &warnings)
        return Extracted(text: result?.0 ?? "", format: result?.1 ?? .plain, warnings: warnings)
    }

    /// The best text part under a message: (text, format), preferring plain text.
    private static func best(_ part: MailMessage, depth: Int, warnings: inout [String]) -> (String, BodyFormatName)? {
        let type = ContentType(part.header("Content-Type"))
        if let disposition = part.header("Content-Disposition")?.lowercased(), disposition.hasPrefix("attachment") {
            return nil
        }
        if type.type == "multipart", depth < maxDepth {
            guard let boundary = type.parameters["boundary"], !boundary.isEmpty else {
                warnings.append("a multipart part has no boundary; read as text")
                return (decodeText(part, type: type, warnings: &warnings), .plain)
            }
            let parts = split(part.body, boundary: boundary, warnings: &warnings)
            if parts.isEmpty {
                warnings.append("MIME boundary \"\(boundary)\" never appears; the body is read as text")
                return (decodeText(part, type: ContentType("text/plain"), warnings: &warnings), .plain)
            }
            let children = parts.map { MailMessage.parse($0) }
            var html: (String, BodyFormatName)?
            for child in children {
                guard let found = best(child, depth: depth + 1, warnings: &warnings) else { continue }
                if found.1 == .plain { return found }
                if html == nil { html = found }
            }
            return html
        }
        if type.type == "message" && type.subtype == "rfc822" && depth < maxDepth {
            return best(MailMessage.parse(part.body), depth: depth + 1, warnings: &warnings)
        }
        if type.type == "text" && type.subtype == "html" {
            return (HTMLText.text(from: decodeText(part, type: type, warnings: &warnings)), .html)
        }
        if type.type == "text" {
            let text = decodeText(part, type: type, warnings: &warnings)
            guard type.subtype == "plain", type.parameters["format"]?.lowercased() == "flowed" else { return (text, .plain) }
            return (Flowed.decode(text, delSp: type.parameters["delsp"]?.lowercased() == "yes"), .plain)
        }
        return nil
    }

    /// The body of a leaf part, transfer-decoded and charset-decoded, with LF line ends.
    static func decodeText(_ part: MailMessage, type: ContentType, warnings: inout [String]) -> String {
        let encoding = part.header("Content-Transfer-Encoding")?.trimmed.lowercased() ?? "7bit"
        var bytes: [UInt8]
        switch encoding {
        case "quoted-printable":
            bytes = QuotedPrintable.decode(Array(part.body))
        case "base64":
            if let d = Data(base64Encoded: Data(part.body), options: .ignoreUnknownCharacters) {
                bytes = Array(d)
            } else {
                warnings.append("broken base64 body; kept as it is")
                bytes = Array(part.body)
            }
        default:
            bytes = Array(part.body)
        }
        // CRLF to LF on the bytes: Foundation's string replacing costs more than the whole parse.
        if bytes.contains(0x0D) {
            var lf: [UInt8] = []
            lf.reserveCapacity(bytes.count)
            for (i, b) in bytes.enumerated() where !(b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) { lf.append(b) }
            bytes = lf
        }
        let charset = type.parameters["charset"]
        let (text, outcome) = Charset.decode(bytes, charset: charset)
        switch outcome {
        case .exact: break
        case .unknownCharset: warnings.append("unknown charset \"\(charset ?? "")\"; read as UTF-8")
        case .replacedInvalidBytes: warnings.append("bytes that are not \(charset ?? "UTF-8") were replaced with U+FFFD")
        }
        return text
    }

    /// The parts between `--boundary` lines.
    static func split(_ body: ArraySlice<UInt8>, boundary: String, warnings: inout [String]) -> [ArraySlice<UInt8>] {
        let marker = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var i = body.startIndex
        var closed = false
        while i < body.endIndex {
            var end = i
            while end < body.endIndex, body[end] != 0x0A { end += 1 }
            var line = body[i..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if line.starts(with: marker) {
                let rest = line.dropFirst(marker.count)
                if let s = partStart { parts.append(body[s..<max(s, i - 1)]) }
                if rest.starts(with: [0x2D, 0x2D]) { closed = true; break }
                partStart = end < body.endIndex ? end + 1 : end
            }
            i = end < body.endIndex ? end + 1 : end
        }
        if !closed, let s = partStart {
            parts.append(body[s..<body.endIndex])
            warnings.append("MIME boundary \"\(boundary)\" is never closed; the last part runs to the end")
        }
        return parts
    }
}
