import CLibXML2
import Foundation

/// The renderer's marked inline elements and its quotes: Discourse's asides and a forum page's quote blocks.
extension HTMLText.Renderer {
        /// An inline element that marks its text: `*em*`, `**strong**`, `` `code` ``, `~~del~~`, or the tag kept
        /// as inline HTML (`<sup>`, `<u>`, `<kbd>`), which the Markdown reader knows.
        mutating func span(_ node: xmlNodePtr, _ tag: String, _ depth: Int) {
            var inner = HTMLText.Renderer(hooks: hooks)
            if tag == "code" { inner.inPre = 1 }
            var child = node.pointee.children
            while let c = child { inner.render(c, depth: depth + 1); child = c.pointee.next }
            var text = inner.out
            if tag != "code" { text = text.replacingOccurrences(of: "\n\n", with: "\n") }
            // Spaces go outside the marks: `* x*` is not emphasis.
            let lead = text.prefix { $0 == " " }, trail = text.reversed().prefix { $0 == " " }
            let core = text.trimmingCharacters(in: .whitespaces)
            guard !core.isEmpty else { inline(text); return }
            let marked: String
            switch tag {
            case "em", "i": marked = "*\(core)*"
            case "strong", "b": marked = "**\(core)**"
            case "del", "s", "strike": marked = "~~\(core)~~"
            case "code":
                let flat = core.replacingOccurrences(of: "\n", with: " ")
                let fence = String(repeating: "`", count: MarkdownEscape.longestRun(of: "`", in: flat) + 1)
                let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
                marked = fence + pad + flat + pad + fence
            case "sub": marked = "<sup>\(core)</sup>"
            case "ins": marked = "<u>\(core)</u>"
            default: marked = "<\(tag)>\(core)</\(tag)>"
            }
            inline(String(lead) + marked + String(trail))
        }

        /// Discourse's quote: `<aside class="quote" data-username="x" data-post="3" data-topic="9">`.
        mutating func quoteAside(_ node: xmlNodePtr, _ depth: Int) {
            var fields: [String] = []
            if let user = attribute(node, "data-username") { fields.append(user) }
            if let post = attribute(node, "data-post") { fields.append("post:\(post)") }
            if let topic = attribute(node, "data-topic") { fields.append("topic:\(topic)") }
            var inner = HTMLText.Renderer(hooks: hooks)
            var child = node.pointee.children
            while let c = child {
                // The title div holds the avatar and the name, already in the tag.
                let isTitle = c.pointee.type == XML_ELEMENT_NODE && name(c) == "div"
                    && attribute(c, "class")?.contains("title") == true
                if !isTitle {
                    if c.pointee.type == XML_ELEMENT_NODE && name(c) == "blockquote" {
                        var q = c.pointee.children
                        while let qc = q { inner.render(qc, depth: depth + 2); q = qc.pointee.next }
                    } else {
                        inner.render(c, depth: depth + 1)
                    }
                }
                child = c.pointee.next
            }
            block()
            let head = fields.isEmpty ? "[quote]" : "[quote=\"\(fields.joined(separator: ", "))\"]"
            emit(head + "\n" + inner.finish() + "\n[/quote]")
            block()
        }

        /// A forum page's quote: `[quote="name, post:N"]`, which ``BodyParser`` reads and the resolver links.
        mutating func pageQuote(_ node: xmlNodePtr, _ mark: PageHooks.QuoteMark, _ depth: Int) {
            var inner = HTMLText.Renderer(hooks: hooks)
            inner.children(contentRoot(of: node), depth)
            let text = inner.finish()
            var fields: [String] = []
            if let author = mark.author { fields.append(author.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "\"", with: "'")) }
            if let post = mark.post { fields.append("post:\(post)") }
            block()
            let head = fields.isEmpty ? "[quote]" : "[quote=\"\(fields.joined(separator: ", "))\"]"
            emit(head + "\n" + text + "\n[/quote]")
            block()
        }

        /// The element that holds a quote's text: wrappers with one element child (an `<aside>`, the
        /// `<blockquote>` inside it, a table cell) are looked through, so the text is not quoted twice.
        func contentRoot(of quote: xmlNodePtr) -> xmlNodePtr {
            var node = quote
            for _ in 0..<HTMLText.maxDepth {
                var only: xmlNodePtr?
                var count = 0
                var child = node.pointee.children
                while let c = child {
                    child = c.pointee.next
                    if c.pointee.type == XML_TEXT_NODE {
                        if !content(c).allSatisfy(\.isWhitespace) { return node }
                        continue
                    }
                    guard c.pointee.type == XML_ELEMENT_NODE, hooks?.skips(c) != true else { continue }
                    count += 1
                    only = c
                }
                guard count == 1, let next = only, hooks?.quote(next) == nil,
                      ["blockquote", "aside", "div", "table", "tbody", "tr", "td"].contains(name(next)) else { return node }
                node = next
            }
            return node
        }
}
