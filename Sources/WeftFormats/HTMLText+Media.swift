import CLibXML2
import Foundation

/// Pictures, video, attachments and link previews as visible text, so a post that holds only media is
/// never empty and `l` can open what it points to.
///
/// An image is `[image: alt](src)` (emoji and smileys stay their `alt`, as the author wrote them), a video
/// or embed `[video: title](src)`, a Discourse lightbox `[image: name](full size)` without its size line,
/// an attachment `[attachment: name](href)`, a onebox link preview `[link preview: title](url)`.
extension HTMLText {
    /// An image as text: an emoji or smiley as its `alt`; any other picture as a link to it.
    static func image(alt: String?, source: String?, classes: String, resolve: ((String) -> String)?) -> String {
        let alt = alt?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let src = source ?? ""
        let lower = src.lowercased()
        let isSmiley = classes.contains("emoji") || classes.contains("smil") || lower.contains("smil")
            || lower.contains("/emoji/") || lower.contains("emoticon")
            || (alt.hasPrefix(":") && alt.hasSuffix(":") && alt.count > 2)
            || (!alt.isEmpty && alt.count <= 3)
        if isSmiley || src.isEmpty || lower.hasPrefix("data:") { return alt }
        let name = alt.isEmpty || alt.lowercased() == "image" ? (URL(string: src)?.lastPathComponent ?? "image") : alt
        return "![\(MarkdownEscape.escape(name, atLineStart: false))](\(MarkdownEscape.destination(resolve?(src) ?? src)))"
    }
}

extension HTMLText.Renderer {
    /// `<video>`, `<audio>`, `<iframe>`, `<embed>`, `<object>` as a named link.
    func media(_ node: xmlNodePtr, _ tag: String) -> String {
        var src = attribute(node, "src") ?? attribute(node, "data") ?? ""
        if src.isEmpty {
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, let s = attribute(c, "src") { src = s; break }
                child = c.pointee.next
            }
        }
        let kind = tag == "audio" ? "audio" : tag == "iframe" && !src.contains("youtu") && !src.contains("vimeo") ? "embedded" : "video"
        let title = attribute(node, "title") ?? attribute(node, "aria-label") ?? (URL(string: src)?.lastPathComponent ?? kind)
        let shown = MarkdownEscape.escape("\(kind): \(title)", atLineStart: false)
        guard !src.isEmpty else { return "\\[\(shown)\\]" }
        return "[\(shown)](\(MarkdownEscape.destination(hooks?.absolute(src) ?? src)))"
    }

    /// A Discourse lightbox: the full-size picture's link, named by its file name, without the size and weight.
    func lightbox(_ node: xmlNodePtr) -> String {
        let href = attribute(node, "href") ?? ""
        var name = attribute(node, "title") ?? ""
        if name.isEmpty || name == "image" {
            name = URL(string: href)?.lastPathComponent ?? "image"
        }
        return "![\(MarkdownEscape.escape(name, atLineStart: false))](\(MarkdownEscape.destination(hooks?.absolute(href) ?? href)))"
    }

    /// A onebox (a link's preview card): its title and address, on a line of its own.
    func onebox(_ node: xmlNodePtr) -> String {
        var url = attribute(node, "data-onebox-src") ?? ""
        var title = ""
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child { stack.append(c); child = c.pointee.next }
        stack.reverse()
        while let c = stack.popLast() {
            if c.pointee.type == XML_ELEMENT_NODE {
                let n = name(c)
                if title.isEmpty, ["h3", "h4", "h1", "h2"].contains(n) { title = HTMLPage.text(of: c) }
                if url.isEmpty, n == "a", let h = attribute(c, "href") { url = h }
                var g = c.pointee.children
                var kids: [xmlNodePtr] = []
                while let k = g { kids.append(k); g = k.pointee.next }
                stack.append(contentsOf: kids.reversed())
            }
        }
        if title.isEmpty { title = URL(string: url)?.host ?? "link" }
        let shown = MarkdownEscape.escape("link preview: \(title)", atLineStart: false)
        return url.isEmpty ? "\\[\(shown)\\]" : "[\(shown)](\(MarkdownEscape.destination(url)))"
    }
}
