/// Finds URLs and Markdown links in text.
///
/// Written by hand rather than with `Regex`: it is one linear pass, and it
/// must strip trailing punctuation and unbalanced parentheses the way mail
/// readers do, which a pattern alone does not express.
enum LinkScanner {
    static let schemes = ["https://", "http://", "mailto:", "ftp://"]

    /// Every link in `text`, in order, without repeats.
    static func links(in text: String) -> [Link] {
        var result: [Link] = []
        var seen: Set<String> = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            if chars[i] == "h" || chars[i] == "m" || chars[i] == "f",
               i == 0 || !isWordScalar(chars[i - 1]),
               let scheme = schemes.first(where: { matches($0, chars, at: i) }) {
                var j = i + scheme.unicodeScalars.count
                while j < chars.count, isURLScalar(chars[j]) { j += 1 }
                var url = String(String.UnicodeScalarView(chars[i..<j]))
                url = trimTrailing(url)
                if url.count > scheme.count {
                    let text = markdownText(chars, urlStart: i)
                    if seen.insert(url).inserted { result.append(Link(url: url, text: text)) }
                }
                i = max(j, i + 1)
            } else {
                i += 1
            }
        }
        return result
    }

    private static func matches(_ scheme: String, _ chars: [Unicode.Scalar], at i: Int) -> Bool {
        var k = i
        for s in scheme.unicodeScalars {
            guard k < chars.count, chars[k] == s else { return false }
            k += 1
        }
        return true
    }

    /// The text of a Markdown link `[text](url)` whose URL starts at `urlStart`.
    private static func markdownText(_ chars: [Unicode.Scalar], urlStart: Int) -> String? {
        guard urlStart >= 2, chars[urlStart - 1] == "(", chars[urlStart - 2] == "]" else { return nil }
        var k = urlStart - 3
        while k >= 0, chars[k] != "[", chars[k] != "\n" { k -= 1 }
        guard k >= 0, chars[k] == "[" else { return nil }
        let text = String(String.UnicodeScalarView(chars[(k + 1)..<(urlStart - 2)]))
        return text.isEmpty ? nil : text
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s)
    }

    static func isURLScalar(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isWhitespace || s.value < 0x21 || s.value == 0x7F { return false }
        return !"<>\"`{}|\\^[]".unicodeScalars.contains(s)
    }

    /// Removes sentence punctuation and an unbalanced closing parenthesis from a URL's end.
    static func trimTrailing(_ url: String) -> String {
        var u = Substring(url)
        while let last = u.last {
            if ".,;:!?'*_".contains(last) {
                u = u.dropLast()
            } else if last == ")" && u.filter({ $0 == "(" }).count < u.filter({ $0 == ")" }).count {
                u = u.dropLast()
            } else {
                break
            }
        }
        return String(u)
    }
}

extension LinkScanner {
    /// The URLs in a run of characters: where each is (character offsets) and what it is.
    static func urls(in chars: [Character]) -> [(range: Range<Int>, url: String)] {
        var result: [(Range<Int>, String)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "h" || c == "m" || c == "f", i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber),
                  let scheme = schemes.first(where: { startsWith($0, chars, at: i) }) else {
                i += 1
                continue
            }
            var j = i + scheme.count
            while j < chars.count, chars[j].unicodeScalars.count == 1, isURLScalar(chars[j].unicodeScalars.first!) { j += 1 }
            let url = trimTrailing(String(chars[i..<j]))
            if url.count > scheme.count { result.append((i..<(i + url.count), url)) }
            i = max(i + url.count, i + 1)
        }
        return result
    }

    private static func startsWith(_ scheme: String, _ chars: [Character], at i: Int) -> Bool {
        var k = i
        for s in scheme {
            guard k < chars.count, chars[k] == s else { return false }
            k += 1
        }
        return true
    }
}
