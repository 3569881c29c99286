/// Reads the author's name from a `From:` value.
enum MailAddress {
    /// The address Weft's mbox export gives a post with no known author; read back as no author.
    static let unnamed = "nobody@weft.invalid"

    /// The display name, or the address when there is none.
    ///
    /// `"Ann Lee" <ann@x.org>`, `Ann Lee <ann@x.org>`, `ann@x.org (Ann Lee)` and
    /// `ann@x.org` give "Ann Lee", "Ann Lee", "Ann Lee" and "ann@x.org".
    /// The delimiters are ASCII, so they are found on the UTF-8 bytes: this runs once per message.
    static func displayName(_ raw: String) -> String? {
        let decoded = EncodedWords.decode(raw)
        let value = trimmedASCII(decoded[...])
        guard !value.isEmpty, value != "<\(unnamed)>", value != unnamed else { return nil }
        let bytes = value.utf8
        if let lt = bytes.lastIndex(of: UInt8(ascii: "<")) {
            let name = unquote(trimmedASCII(value[..<lt]))
            if !name.isEmpty { return name }
            let rest = value[bytes.index(after: lt)...]
            let address = trimmedASCII(rest[..<(rest.utf8.firstIndex(of: UInt8(ascii: ">")) ?? rest.endIndex)])
            return address.isEmpty ? nil : String(address)
        }
        if let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")")), open < close {
            let comment = unquote(trimmedASCII(value[bytes.index(after: open)..<close]))
            if !comment.isEmpty { return comment }
            return String(trimmedASCII(value[..<open]))
        }
        return unquote(value)
    }

    /// `s` without ASCII white space at either end.
    private static func trimmedASCII(_ s: Substring) -> Substring {
        guard let first = s.utf8.firstIndex(where: { !$0.isASCIIWhiteSpace }),
              let last = s.utf8.lastIndex(where: { !$0.isASCIIWhiteSpace }) else {
            return s[s.endIndex...]
        }
        return s[first...last]
    }

    /// A name without its surrounding quotes and with backslash escapes undone.
    private static func unquote(_ s: Substring) -> String {
        var t = s
        if t.utf8.count >= 2, t.utf8.first == UInt8(ascii: "\""), t.utf8.last == UInt8(ascii: "\"") { t = t.dropFirst().dropLast() }
        guard t.utf8.contains(UInt8(ascii: "\\")) else { return String(trimmedASCII(t)) }
        var out = ""
        var escaped = false
        for c in t {
            if c == "\\" && !escaped { escaped = true; continue }
            escaped = false
            out.append(c)
        }
        return String(trimmedASCII(out[...]))
    }

    /// The message ids (`<…>`) in a header value, without the brackets, in order.
    ///
    /// On the UTF-8 bytes: ids are ASCII, and this runs for three headers of every message.
    /// Whether an id can name another message: RFC 5322's `id-left "@" id-right`, both sides non-empty.
    ///
    /// Mailers write `<yes>`, `<1>` or `<>`; as links they would thread strangers together.
    static func isLinkable(_ id: String) -> Bool {
        guard let at = id.lastIndex(of: "@") else { return false }
        return at != id.startIndex && id.index(after: at) != id.endIndex
    }

    static func messageIDs(_ value: String?) -> [String] {
        guard let value else { return [] }
        var ids: [String] = []
        let bytes = value.utf8
        var rest = bytes[...]
        while let lt = rest.firstIndex(of: 0x3C) {
            guard let gt = rest[lt...].firstIndex(of: 0x3E) else { break }
            let id = trimmedASCII(value[bytes.index(after: lt)..<gt])
            if !id.isEmpty && !id.utf8.contains(0x20) { ids.append(String(id)) }
            rest = bytes[bytes.index(after: gt)...]
        }
        if ids.isEmpty {
            // Some mailers write a bare id.
            let bare = value.trimmed
            if bare.contains("@" as Character) && !bare.contains(" " as Character) { ids.append(String(bare)) }
        }
        return ids
    }
}

extension UInt8 {
    /// Space, tab, carriage return or line feed: the white space mail headers use.
    var isASCIIWhiteSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0A }
}
