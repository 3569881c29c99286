import CCmarkGFM
import Foundation
import WeftModel

extension MarkdownWalker {
    /// The inline content of a block node as styled runs.
    ///
    /// Walked with cmark's iterator, not by recursion, so emphasis nested ten thousand deep costs no stack.
    mutating func inlines(_ node: OpaquePointer) -> RichText {
        var runs: [Run] = []
        var styles: [InlineStyle] = []
        var spoiler = false
        var opened: [(start: Int, url: String, image: Bool)] = []
        guard let iter = cmark_iter_new(node) else { return RichText("") }
        defer { cmark_iter_free(iter) }
        func current() -> InlineStyle {
            var s = styles.reduce(InlineStyle()) { $0.union($1) }
            if spoiler { s.insert(.spoiler) }
            if !opened.isEmpty { s.insert(opened.last!.image ? .image : .link) }
            return s
        }
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard let n = cmark_iter_get_node(iter), n != node else { continue }
            let entering = cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER
            let type = String(cString: cmark_node_get_type_string(n))
            let literal = { cmark_node_get_literal(n).map { String(cString: $0) } ?? "" }
            switch type {
            case "text":
                runs += decorate(literal(), base: current(), spoiler: &spoiler)
            case "code":
                runs.append(Run(literal(), current().union(.code)))
            case "softbreak":
                runs.append(Run(flavor == .commonMark ? " " : "\n", current()))
            case "linebreak":
                runs.append(Run("\n", current()))
            case "html_inline":
                let tag = literal().lowercased().filter { !$0.isWhitespace }
                if tag.hasPrefix("<br") { runs.append(Run("\n", current())) }
                if tag == "<sup>" || tag == "<sub>" { styles.append(.superscript) }
                if tag == "<kbd>" { styles.append(.code) }
                if tag == "<ins>" || tag == "<u>" { styles.append(.underline) }
                if tag == "<del>" || tag == "<s>" { styles.append(.strike) }
                if ["</sup>", "</sub>", "</kbd>", "</ins>", "</u>", "</del>", "</s>"].contains(tag), !styles.isEmpty {
                    styles.removeLast()
                }
            case "emph", "strong", "strikethrough":
                if entering {
                    styles.append(type == "emph" ? .emphasis : type == "strong" ? .strong : .strike)
                } else if !styles.isEmpty {
                    styles.removeLast()
                }
            case "link", "image":
                if entering {
                    opened.append((runs.count, cmark_node_get_url(n).map { String(cString: $0) } ?? "", type == "image"))
                } else if let open = opened.popLast() {
                    closeLink(open, runs: &runs, style: current())
                }
            default:
                break
            }
        }
        // A paragraph's trailing break (a hard break before the end) shows nothing.
        while let last = runs.last, last.text == "\n" { runs.removeLast() }
        return RichText(runs: runs)
    }

    /// Ends a link or image opened at `open.start`: numbers its target and styles its text.
    mutating func closeLink(_ open: (start: Int, url: String, image: Bool), runs: inout [Run], style: InlineStyle) {
        let inner = runs[open.start...].map(\.text).joined()
        let url = open.url
        if open.image {
            runs.removeSubrange(open.start...)
            var name = String(String(inner.split(separator: "|", maxSplits: 1).first ?? "").trimmed)
            if name.isEmpty || name == "image" {
                let file = url.split(separator: "/").last.map(String.init) ?? ""
                name = file.isEmpty || url.hasPrefix("upload://") ? name : file
            }
            let shown = name.isEmpty ? "[image]" : "[image: \(name)]"
            let target = url.isEmpty || url.hasPrefix("upload://") ? nil : links.add(url, text: name.isEmpty ? nil : "image: \(name)")
            runs.append(Run(shown, style.union(.image), link: target))
            return
        }
        guard !url.isEmpty, !url.hasPrefix("#") else { return }
        // Media a page embedded, written as "[video: title](…)" by the HTML reader: shown like a picture.
        if MarkdownWalker.mediaKinds.contains(where: { inner.hasPrefix($0 + ": ") }) {
            runs.removeSubrange(open.start...)
            runs.append(Run("[\(inner)]", style.union(.image), link: links.add(url, text: inner)))
            return
        }
        let index = links.add(url, text: inner.isEmpty ? nil : inner)
        if inner.isEmpty { runs.append(Run(url, style.union(.link), link: index)); return }
        for k in open.start..<runs.count where runs[k].link == nil {
            runs[k].link = index
            runs[k].style.insert(.link)
        }
    }

    /// What the HTML reader names embedded media by.
    static let mediaKinds = ["video", "audio", "embedded", "attachment", "link preview"]

    /// A text node's runs: emoji shortcodes, mentions, Reddit superscript, and spoiler marks found.
    func decorate(_ text: String, base: InlineStyle, spoiler: inout Bool) -> [Run] {
        let mayMark = text.contains(":") || text.contains("@") || text.contains("^") || text.contains("/")
            || text.contains(MarkdownParser.spoilerOpen) || text.contains(MarkdownParser.spoilerClose)
        guard mayMark else { return [Run(text, base.union(spoiler ? .spoiler : []))] }
        var runs: [Run] = []
        var pending = ""
        var style: InlineStyle { base.union(spoiler ? .spoiler : []) }
        func flush() {
            if !pending.isEmpty { runs.append(Run(pending, style)) }
            pending = ""
        }
        let chars = Array(text)
        var i = 0
        func boundaryBefore(_ k: Int) -> Bool { k == 0 || !(chars[k - 1].isLetter || chars[k - 1].isNumber) }
        while i < chars.count {
            let c = chars[i]
            if c == MarkdownParser.spoilerOpen || c == MarkdownParser.spoilerClose {
                flush()
                spoiler = c == MarkdownParser.spoilerOpen
                i += 1
            } else if c == ":", let end = Emoji.shortcodeEnd(chars, from: i),
                      let emoji = Emoji.named[String(chars[(i + 1)..<(end - 1)])] {
                flush()
                runs.append(Run(emoji, style.union(.emoji), alternate: String(chars[i..<end])))
                i = end
            } else if c == "@", boundaryBefore(i), let end = MarkdownWalker.nameEnd(chars, from: i + 1) {
                flush()
                runs.append(Run(String(chars[i..<end]), style.union(.mention)))
                i = end
            } else if flavor == .commonMark, c == "u" || c == "r", i + 1 < chars.count, chars[i + 1] == "/",
                      i == 0 || chars[i - 1] == " " || chars[i - 1] == "/", let end = MarkdownWalker.nameEnd(chars, from: i + 2) {
                flush()
                runs.append(Run(String(chars[i..<end]), style.union(.mention)))
                i = end
            } else if flavor == .commonMark, c == "^", i + 1 < chars.count, !chars[i + 1].isWhitespace {
                flush()
                var end = i + 1
                var shown: String
                if chars[end] == "(", let close = chars[end...].firstIndex(of: ")") {
                    shown = String(chars[(end + 1)..<close])
                    end = close + 1
                } else {
                    while end < chars.count, !chars[end].isWhitespace, chars[end] != "^" { end += 1 }
                    shown = String(chars[(i + 1)..<end])
                }
                runs.append(Run(shown, style.union(.superscript)))
                i = end
            } else {
                pending.append(c)
                i += 1
            }
        }
        flush()
        return runs
    }

    /// The end of a user or community name starting at `from` (letters, digits, `_`, `-`, `.`), if any.
    static func nameEnd(_ chars: [Character], from: Int) -> Int? {
        var end = from
        while end < chars.count, chars[end].isLetter || chars[end].isNumber || "_-.".contains(chars[end]) { end += 1 }
        while end > from, chars[end - 1] == "." || chars[end - 1] == "-" { end -= 1 }
        return end > from ? end : nil
    }
}
