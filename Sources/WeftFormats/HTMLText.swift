import Foundation
import CLibXML2

/// Turns HTML (Discourse `cooked`, mail `text/html`) into plain text with libxml2's HTML parser.
///
/// A real parser, not patterns: broken markup is repaired the way browsers
/// do, and entities are decoded. Network access is off. Paragraphs become
/// blank-line separated text, lists `- ` items, `<pre>` a fenced block, links
/// `[text](url)`, `<blockquote>` `> ` lines, and Discourse's
/// `<aside class="quote" data-username data-post data-topic>` the BBCode
/// `[quote="name, post:N, topic:T"]` that ``BodyParser`` reads, so quotes
/// still link to their source posts. Nesting deeper than ``maxDepth`` is
/// flattened into text.
public enum HTMLText {
    /// Elements nested deeper than this are read as plain text.
    public static let maxDepth = 200

    /// The text of an HTML fragment or document.
    public static func text(from html: String) -> String {
        if nestingDepth(html) > maxDepth {
            // libxml2 stops at 256 levels and drops the rest; read the text without structure instead.
            return "[markup nested deeper than \(maxDepth) levels; shown as plain text]\n\n" + strippedText(html)
        }
        var bytes = Array(html5AsDivs(html).utf8)
        guard !bytes.isEmpty else { return "" }
        bytes.append(0)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_RECOVER.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count - 1), nil, "UTF-8", options)
            }
        }
        guard let doc else { return html }
        defer { xmlFreeDoc(doc) }
        var renderer = Renderer()
        var node = doc.pointee.children
        while let n = node {
            renderer.render(n, depth: 0)
            node = n.pointee.next
        }
        return renderer.finish()
    }

    static let voidElements: Set<String> = ["br", "img", "hr", "input", "meta", "link", "wbr", "area", "base",
                                            "col", "embed", "source", "track", "param"]

    /// The deepest nesting of open tags, roughly (void and self-closing tags do not nest).
    static func nestingDepth(_ html: String) -> Int {
        var depth = 0, deepest = 0
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: lt)...]
            guard let gt = rest.firstIndex(of: ">") else { break }
            let tag = rest[..<gt]
            rest = rest[rest.index(after: gt)...]
            if tag.hasPrefix("/") { depth = max(0, depth - 1); continue }
            if tag.hasPrefix("!") || tag.hasPrefix("?") || tag.hasSuffix("/") { continue }
            let name = tag.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if name.isEmpty || voidElements.contains(name) { continue }
            depth += 1
            deepest = max(deepest, depth)
        }
        return deepest
    }

    /// The text between the tags, with the common entities decoded: the fallback for pathological markup.
    static func strippedText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; continue }
            if c == ">" { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// HTML5 block elements that libxml2's HTML 4 parser does not know.
    static let html5Blocks = ["aside", "section", "article", "details", "summary", "figure", "figcaption",
                              "nav", "header", "footer", "main"]

    /// Rewrites HTML5 block elements as `<div data-weft-tag="aside" …>`.
    ///
    /// libxml2's parser treats unknown elements as inline and mis-nests the
    /// blocks inside them: everything after a Discourse `<aside>` quote ended up
    /// inside it. As divs they nest as browsers nest them; the original name
    /// stays in an attribute for the renderer.
    static func html5AsDivs(_ html: String) -> String {
        guard html.contains("<") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 64)
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            out += rest[..<lt]
            let after = rest[rest.index(after: lt)...]
            let closing = after.first == "/"
            let nameStart = closing ? after.dropFirst() : after
            let name = nameStart.prefix { $0.isLetter }.lowercased()
            let end = nameStart.index(nameStart.startIndex, offsetBy: name.count)
            if html5Blocks.contains(name), end == nameStart.endIndex || !(nameStart[end].isLetter || nameStart[end].isNumber) {
                out += closing ? "</div" : "<div data-weft-tag=\"\(name)\""
                rest = nameStart[end...]
            } else {
                out += "<"
                rest = after
            }
        }
        out += rest
        return out
    }

    /// Accumulates text with block breaks.
    struct Renderer {
        /// What a saved forum page adds: quotes it knows the source of, nodes to leave out, its address.
        var hooks: PageHooks?
        var out = ""
        var pendingBreak = 0  // newlines owed before the next text
        var inPre = 0

        mutating func block(_ n: Int = 2) {
            if !out.isEmpty { pendingBreak = max(pendingBreak, n) }
        }

        mutating func emit(_ text: String) {
            guard !text.isEmpty else { return }
            if pendingBreak > 0 {
                while out.hasSuffix(" ") { out.removeLast() }
                out += String(repeating: "\n", count: pendingBreak)
                pendingBreak = 0
            }
            out += text
        }

        /// Emits a text node's text: collapsed as browsers collapse it, and escaped so that Markdown reads it as text.
        mutating func text(_ raw: String) {
            if inPre > 0 { emit(raw); return }
            let lineStart = out.isEmpty || out.hasSuffix("\n") || pendingBreak > 0
            inline(raw, escape: { MarkdownEscape.escape($0, atLineStart: lineStart) })
        }

        mutating func inline(_ raw: String, escape: ((String) -> String)? = nil) {
            if inPre > 0 { emit(raw); return }
            var collapsed = ""
            var space = false
            for c in raw {
                if c.isWhitespace { space = true; continue }
                if space && !(collapsed.isEmpty && (out.isEmpty || out.hasSuffix(" ") || out.hasSuffix("\n") || pendingBreak > 0)) {
                    collapsed.append(" ")
                }
                space = false
                collapsed.append(c)
            }
            if space && !collapsed.isEmpty { collapsed.append(" ") }
            if collapsed.isEmpty && space && !out.isEmpty && !out.hasSuffix(" ") && !out.hasSuffix("\n") && pendingBreak == 0 {
                collapsed = " "
            }
            emit(escape.map { $0(collapsed) } ?? collapsed)
        }

        mutating func render(_ node: xmlNodePtr, depth: Int) {
            if let hooks, hooks.skips(node) { return }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text(content(node))
                return
            case XML_ELEMENT_NODE:
                break
            default:
                return
            }
            guard depth < HTMLText.maxDepth else {
                text(content(node))
                return
            }
            let tag = name(node)
            if let mark = hooks?.quote(node) {
                pageQuote(node, mark, depth)
                return
            }
            switch tag {
            case "div" where attribute(node, "data-weft-tag") == "aside"
                && attribute(node, "class")?.split(separator: " ").contains("quote") == true:
                quoteAside(node, depth)
            case "div" where attribute(node, "data-weft-tag") == "aside"
                && attribute(node, "class")?.split(separator: " ").contains("onebox") == true:
                block()
                emit(onebox(node))
                block()
            case "div" where attribute(node, "class")?.split(separator: " ").contains("lazyYT") == true:
                let id = attribute(node, "data-youtube-id") ?? ""
                let title = attribute(node, "data-youtube-title") ?? "YouTube video"
                inline("[video: \(title)](https://www.youtube.com/watch?v=\(id))")
            case "br":
                emit("\n")
            case "h1", "h2", "h3", "h4", "h5", "h6":
                block()
                emit(String(repeating: "#", count: Int(String(tag.dropFirst())) ?? 1) + " ")
                children(node, depth)
                block()
            case "code" where inPre == 0:
                span(node, tag, depth)
            case "em", "i", "strong", "b", "del", "s", "strike", "sup", "sub", "u", "ins", "kbd":
                span(node, tag, depth)
            case "p", "div", "table", "tr", "section", "article", "header", "footer":
                block()
                children(node, depth)
                block()
            case "hr":
                block()
                emit("---")
                block()
            case "ul", "ol":
                block()
                var item = node.pointee.children
                var number = 1
                while let li = item {
                    if li.pointee.type == XML_ELEMENT_NODE && name(li) == "li" {
                        block(1)
                        emit(tag == "ol" ? "\(number). " : "- ")
                        number += 1
                        children(li, depth)
                    } else {
                        render(li, depth: depth + 1)
                    }
                    item = li.pointee.next
                }
                block()
            case "pre":
                block()
                emit("```\n")
                inPre += 1
                children(node, depth)
                inPre -= 1
                if !out.hasSuffix("\n") { emit("\n") }
                emit("```")
                block()
            case "blockquote":
                var inner = Renderer(hooks: hooks)
                var child = node.pointee.children
                while let c = child { inner.render(c, depth: depth + 1); child = c.pointee.next }
                let text = inner.finish()
                block()
                emit(text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n"))
                block()
            case "a" where attribute(node, "class")?.split(separator: " ").contains("lightbox") == true:
                inline(lightbox(node))
            case "a" where attribute(node, "class")?.split(separator: " ").contains("attachment") == true:
                let written = attribute(node, "href") ?? ""
                inline("[attachment: \(HTMLPage.text(of: node))](\(hooks?.absolute(written) ?? written))")
            case "a" where attribute(node, "class")?.split(separator: " ").contains("mention") == true:
                children(node, depth)
            case "a":
                let written = attribute(node, "href") ?? ""
                let href = hooks?.absolute(written) ?? written
                var inner = Renderer(hooks: hooks)
                var child = node.pointee.children
                while let c = child { inner.render(c, depth: depth + 1); child = c.pointee.next }
                let text = inner.finish()
                let bare = MarkdownEscape.unescape(text) == href || text.isEmpty
                if href.isEmpty || href.hasPrefix("#") || href.hasPrefix("/") && text.isEmpty {
                    inline(text)
                } else if bare, href.contains("://") || href.hasPrefix("mailto:"),
                          !href.contains(where: { $0 == " " || $0 == "<" || $0 == ">" }) {
                    // An address shown as itself: an autolink, so Markdown takes exactly this address.
                    inline("<\(href)>")
                } else if text.isEmpty {
                    inline(href)
                } else {
                    inline("[\(text)](\(MarkdownEscape.destination(href)))")
                }
            case "img":
                inline(HTMLText.image(alt: attribute(node, "alt"), source: attribute(node, "src") ?? attribute(node, "data-src"),
                                      classes: attribute(node, "class") ?? "", resolve: hooks?.absolute))
            case "video", "audio", "iframe", "embed", "object":
                inline(media(node, tag))
            case "script", "style", "head", "title", "noscript", "svg":
                return
            default:
                children(node, depth)
            }
        }

        mutating func children(_ node: xmlNodePtr, _ depth: Int) {
            var child = node.pointee.children
            while let c = child {
                render(c, depth: depth + 1)
                child = c.pointee.next
            }
        }

        func finish() -> String {
            var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
                var l = line
                // Trailing spaces go, and so do the zero-width spaces editors leave (XenForo ends lines with them).
                while let c = l.last, c == " " || c == "\u{200B}" || c == "\u{FEFF}" { l = l.dropLast() }
                return l
            }
            // No more than one blank line in a row.
            var result: [Substring] = []
            for l in lines where !(l.isEmpty && (result.last?.isEmpty ?? true)) { result.append(l) }
            while result.last?.isEmpty == true { result.removeLast() }
            lines = result
            return lines.joined(separator: "\n")
        }

        func name(_ node: xmlNodePtr) -> String {
            node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        }

        func content(_ node: xmlNodePtr) -> String {
            guard let c = node.pointee.content else { return "" }
            return String(cString: c)
        }

        func attribute(_ node: xmlNodePtr, _ key: String) -> String? { HTMLPage.attribute(node, key) }
    }
}
