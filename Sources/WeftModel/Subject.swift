import Foundation

/// Subject lines compared without reply prefixes and list tags.
public enum Subject {
    /// The subject without "Re:", "Fwd:", "AW:", list tags and white space, lower-cased; and whether it was a reply.
    public static func normalize(_ subject: String) -> (base: String, reply: Bool) {
        let stripped = stripReplyPrefixes(subject)
        let reply = stripped.count != stripTags(subject).count
        return (stripped.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "), reply)
    }

    /// The subject without reply and forward prefixes or list tags.
    public static func stripReplyPrefixes(_ subject: String) -> String {
        var s = Substring(subject.trimmed)
        var changed = true
        while changed {
            changed = false
            let before = s
            s = Substring(stripTags(String(s)))
            let lower = s.lowercased()
            for prefix in ["re:", "fwd:", "fw:", "aw:", "sv:", "antw:", "re :"] where lower.hasPrefix(prefix) {
                s = s.dropFirst(prefix.count).drop { $0 == " " }
                break
            }
            if lower.hasPrefix("re["), let close = s.firstIndex(of: "]"), s[s.index(after: close)...].hasPrefix(":") {
                s = s[s.index(close, offsetBy: 2)...].drop { $0 == " " }
            }
            changed = s != before
        }
        return String(s)
    }

    /// The subject without leading `[tag]` list tags.
    public static func stripTags(_ subject: String) -> String {
        var s = Substring(subject.trimmed)
        while s.hasPrefix("["), let close = s.firstIndex(of: "]") {
            s = s[s.index(after: close)...].drop { $0 == " " }
        }
        return String(s)
    }
}

extension Subject {
    /// A thread's title as a list shows it: without "Re:"/"Fwd:" and without the list's own tag
    /// (`[Ksummit-discuss]` in the list `ksummit-discuss`), which every thread of the list repeats.
    ///
    /// Other bracketed words (`[PATCH v2 1/3]`, `[ANNOUNCE]`) say something and stay.
    public static func forList(_ title: String, forum: String?) -> String {
        let tag = forum.map { $0.lowercased() }
        var s = Substring(title.trimmed)
        var changed = true
        while changed {
            changed = false
            if s.hasPrefix("["), let close = s.firstIndex(of: "]") {
                let inner = s[s.index(after: s.startIndex)..<close].lowercased()
                if let tag, !inner.isEmpty, inner == tag || tag.hasPrefix(inner) || inner.hasPrefix(tag) {
                    s = s[s.index(after: close)...].drop { $0 == " " }
                    changed = true
                    continue
                }
            }
            let lower = s.lowercased()
            for prefix in ["re:", "fwd:", "fw:", "aw:", "sv:", "antw:", "re :"] where lower.hasPrefix(prefix) {
                s = s.dropFirst(prefix.count).drop { $0 == " " }
                changed = true
                break
            }
        }
        return s.isEmpty ? title : String(s)
    }
}
