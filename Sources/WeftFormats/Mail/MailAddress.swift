/// Reads the author's name from a `From:` value.
enum MailAddress {
    /// The address Weft's mbox export gives a post with no known author; read back as no author.
    static let unnamed = "nobody@weft.invalid"

    /// The display name, or the address when there is none.
    ///
    /// `"Ann Lee" <ann@x.org>`, `Ann Lee <ann@x.org>`, `ann@x.org (Ann Lee)` and
    /// `ann@x.org` give "Ann Lee", "Ann Lee", "Ann Lee" and "ann@x.org".
    static func displayName(_ raw: String) -> String? {
        let value = EncodedWords.decode(raw).trimmed
        guard !value.isEmpty, value != "<\(unnamed)>", value != unnamed else { return nil }
        if let lt = value.lastIndex(of: "<") {
            let name = unquote(value[..<lt].trimmed)
            if !name.isEmpty { return name }
            let address = value[value.index(after: lt)...].prefix { $0 != ">" }.trimmed
            return address.isEmpty ? nil : String(address)
        }
        if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close {
            let comment = unquote(value[value.index(after: open)..<close].trimmed)
            if !comment.isEmpty { return comment }
            return String(value[..<open].trimmed)
        }
        return unquote(Substring(value))
    }

    /// A name without its surrounding quotes and with backslash escapes undone.
    private static func unquote(_ s: Substring) -> String {
        var t = s
        if t.count >= 2, t.first == "\"", t.last == "\"" { t = t.dropFirst().dropLast() }
        var out = ""
        var escaped = false
        for c in t {
            if c == "\\" && !escaped { escaped = true; continue }
            escaped = false
            out.append(c)
        }
        return out.trimmed.isEmpty ? "" : String(out.trimmed)
    }

    /// The message ids (`<…>`) in a header value, without the brackets, in order.
    ///
    /// On the UTF-8 bytes: ids are ASCII, and this runs for three headers of every message.
    static func messageIDs(_ value: String?) -> [String] {
        guard let value else { return [] }
        var ids: [String] = []
        let bytes = value.utf8
        var rest = bytes[...]
        while let lt = rest.firstIndex(of: 0x3C) {
            guard let gt = rest[lt...].firstIndex(of: 0x3E) else { break }
            var id = bytes[bytes.index(after: lt)..<gt]
            while let b = id.first, isSpace(b) { id = id.dropFirst() }
            while let b = id.last, isSpace(b) { id = id.dropLast() }
            if !id.isEmpty && !id.contains(0x20) { ids.append(String(decoding: id, as: UTF8.self)) }
            rest = bytes[bytes.index(after: gt)...]
        }
        if ids.isEmpty {
            // Some mailers write a bare id.
            let bare = value.trimmed
            if bare.contains("@" as Character) && !bare.contains(" " as Character) { ids.append(String(bare)) }
        }
        return ids
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
}
