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
    static func messageIDs(_ value: String?) -> [String] {
        guard let value else { return [] }
        var ids: [String] = []
        var rest = Substring(value)
        while let lt = rest.firstIndex(of: "<") {
            guard let gt = rest[lt...].firstIndex(of: ">") else { break }
            let id = rest[rest.index(after: lt)..<gt].trimmed
            if !id.isEmpty && !id.contains(" " as Character) { ids.append(String(id)) }
            rest = rest[rest.index(after: gt)...]
        }
        if ids.isEmpty {
            // Some mailers write a bare id.
            let bare = value.trimmed
            if bare.contains("@" as Character) && !bare.contains(" " as Character) { ids.append(String(bare)) }
        }
        return ids
    }
}
