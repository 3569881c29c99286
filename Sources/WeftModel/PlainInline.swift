/// Finds the inline marks in plain text: bare URLs, and BBCode's `[b]`, `[i]`, `[u]`, `[s]`, `[code]`,
/// `[url]`, `[img]`, `[spoiler]` and `[list]`.
///
/// Written by hand: BBCode has no library in our list, and what matters is forgiving reading (a tag
/// only counts when its closing tag follows, so a literal "[b]" in prose stays text). Colour, size,
/// font and alignment tags are dropped, their text kept.
enum PlainInline {
    /// Tags that style their text, by name.
    static let styles: [String: InlineStyle] = [
        "b": .strong, "i": .emphasis, "u": .underline, "s": .strike, "strike": .strike,
        "code": .code, "icode": .code, "spoiler": .spoiler, "ispoiler": .spoiler, "sup": .superscript,
    ]
    /// Tags dropped with their text kept.
    static let dropped: Set<String> = ["color", "size", "font", "center", "left", "right", "justify", "list", "indent", "highlight"]

    /// The text with its marks, adding link targets to `links`.
    static func rich(_ text: String, links: inout LinkTable) -> RichText {
        // Most paragraphs have neither.
        guard text.contains("[") || text.contains(":") else { return RichText(text) }
        let chars = Array(text)
        var urlAt: [Int: (end: Int, url: String)] = [:]
        for found in LinkScanner.urls(in: chars) { urlAt[found.range.lowerBound] = (found.range.upperBound, found.url) }
        var runs: [Run] = []
        var pending = ""
        var stack: [(name: String, style: InlineStyle)] = []
        var style: InlineStyle { stack.reduce([]) { $0.union($1.style) } }
        func flush() {
            if !pending.isEmpty { runs.append(Run(pending, style)) }
            pending = ""
        }
        var i = 0
        while i < chars.count {
            if let url = urlAt[i] {
                // `<https://…>` is how plain text delimits an address (RFC 3986, appendix C): the brackets go.
                let bracketed = pending.last == "<" && url.end < chars.count && chars[url.end] == ">"
                if bracketed { pending.removeLast() }
                flush()
                runs.append(Run(url.url, style.union(.link), link: links.add(url.url)))
                i = url.end + (bracketed ? 1 : 0)
                continue
            }
            guard chars[i] == "[", let tag = tag(chars, at: i) else {
                pending.append(chars[i])
                i += 1
                continue
            }
            if tag.closing {
                if let k = stack.lastIndex(where: { $0.name == tag.name }) {
                    flush()
                    stack.removeSubrange(k...)
                } else if dropped.contains(tag.name) {
                    // An unmatched closing tag of a dropped kind: gone too.
                } else {
                    pending += String(chars[i..<tag.end])
                }
                i = tag.end
                continue
            }
            let close = closing(chars, name: tag.name, from: tag.end)
            switch tag.name {
            case "url" where close != nil, "img" where close != nil:
                let inner = String(chars[tag.end..<close!.start]).trimmed
                let target = tag.value ?? String(inner)
                flush()
                if tag.name == "img" {
                    runs.append(Run("[image]", style.union(.image), link: target.isEmpty ? nil : links.add(target)))
                } else {
                    let shown = inner.isEmpty ? target : String(inner)
                    runs.append(Run(shown, style.union(.link), link: target.isEmpty ? nil : links.add(target, text: shown)))
                }
                i = close!.end
            case "*":
                pending += "\n• "
                i = tag.end
            default:
                if let s = styles[tag.name], close != nil {
                    flush()
                    stack.append((tag.name, s))
                } else if dropped.contains(tag.name), close != nil {
                    flush()
                    stack.append((tag.name, []))
                } else {
                    pending += String(chars[i..<tag.end])
                }
                i = tag.end
            }
        }
        flush()
        return RichText(runs: runs)
    }

    /// A tag at `i`: `[name]`, `[name=value]` or `[/name]`, short and on one line.
    static func tag(_ chars: [Character], at i: Int) -> (name: String, value: String?, closing: Bool, end: Int)? {
        var j = i + 1
        let limit = min(chars.count, i + 300)
        while j < limit, chars[j] != "]", chars[j] != "\n", chars[j] != "[" { j += 1 }
        guard j < limit, chars[j] == "]" else { return nil }
        var inside = String(chars[(i + 1)..<j])
        let closing = inside.hasPrefix("/")
        if closing { inside.removeFirst() }
        var name = inside
        var value: String?
        if let eq = inside.firstIndex(of: "=") {
            name = String(inside[..<eq])
            value = String(inside[inside.index(after: eq)...]).trimmingCharacters(in: ["\"", "'", " "])
        }
        name = name.lowercased()
        guard name == "*" || (!name.isEmpty && name.count <= 10 && name.allSatisfy({ $0.isLetter })),
              styles[name] != nil || dropped.contains(name) || ["url", "img", "*"].contains(name) else { return nil }
        return (name, value, closing, j + 1)
    }

    /// Where `[/name]` is after `from`.
    static func closing(_ chars: [Character], name: String, from: Int) -> (start: Int, end: Int)? {
        let needle = Array("[/\(name)]")
        var i = from
        while i + needle.count <= chars.count {
            if chars[i] == "[", chars[i..<(i + needle.count)].map({ Character($0.lowercased()) }) == needle {
                return (i, i + needle.count)
            }
            i += 1
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    public func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
