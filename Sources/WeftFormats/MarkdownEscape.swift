/// Writes text taken from HTML so that a Markdown reader reads it back as the same text.
///
/// Text derived from HTML is stored as Markdown (`format: html`): links as `[text](url)`, quotes as `> `,
/// emphasis as `*…*`. Characters in the page's own text that Markdown would read as marks are escaped with
/// a backslash, so "2*3*4" or "[1]" stay as written. Only what can open a mark is escaped (an `_` inside a
/// word cannot), to keep the stored text readable.
enum MarkdownEscape {
    /// `text` with its Markdown-significant characters escaped; `atLineStart` also escapes what opens a
    /// block (`#`, `>`, `-`, `+`, `=`, `1.`).
    static func escape(_ text: String, atLineStart: Bool) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        func word(_ k: Int) -> Bool { k >= 0 && k < chars.count && (chars[k].isLetter || chars[k].isNumber) }
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "`", "*", "[", "]", "~":
                out.append("\\")
            case "_" where !(word(i - 1) && word(i + 1)):
                out.append("\\")
            case "<" where i + 1 < chars.count && (chars[i + 1].isLetter || "/!?".contains(chars[i + 1])):
                out.append("\\")
            case "&" where i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber || chars[i + 1] == "#"):
                out.append("\\")
            default:
                if atLineStart, i == 0, "#>-+=|".contains(c) { out.append("\\") }
                if atLineStart, c == "." || c == ")", i > 0, i <= 9, chars[..<i].allSatisfy(\.isNumber) { out.append("\\") }
            }
            out.append(c)
        }
        return out
    }

    /// A link destination Markdown reads whole: in `<…>` when it holds spaces or parentheses.
    static func destination(_ url: String) -> String {
        guard url.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" }) else { return url }
        return "<" + url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">"
    }

    /// The longest run of `c` in `text` (to fence inline code with one more).
    static func longestRun(of c: Character, in text: String) -> Int {
        var best = 0, run = 0
        for x in text {
            run = x == c ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }

    /// The text with Markdown's backslash escapes removed (a backslash before ASCII punctuation), for plain output.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var escaped = false
        for c in text {
            if escaped {
                if !(c.isASCII && c.isPunctuation || c.isASCII && c.isSymbol) { out.append("\\") }
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        if escaped { out.append("\\") }
        return out
    }
}
