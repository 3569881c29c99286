import CLibXML2
import Foundation
import WeftModel

/// Applies a recipe to a parsed page.
struct PageExtractor {
    let recipe: Recipe
    let page: HTMLPage
    let source: PageSource

    static let canonical = XPathQuery("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")!
    static let siteName = XPathQuery("//meta[@property='og:site_name']/@content")!
    static let pageTitle = XPathQuery("//title")!

    func extract() -> ExtractedPage {
        var notes: [String] = []
        let url = recipe.url?.value(in: page, at: nil) ?? page.texts(Self.canonical, at: nil).first { $0.contains("://") }
            ?? source.savedFrom.map { $0.contains("://") ? $0 : "http://" + $0 }
        let base = url.flatMap { URL(string: $0) }
        let title = recipe.title.value(in: page, at: nil) ?? page.texts(Self.pageTitle, at: nil).first ?? ""
        let forum = recipe.forum?.value(in: page, at: nil) ?? page.texts(Self.siteName, at: nil).first { !$0.isEmpty } ?? base?.host
        let threadID = recipe.threadID?.value(in: page, at: nil)
        let site = base?.host?.lowercased() ?? forum.map { Slug.make($0) } ?? "forum"
        let key = site + "-" + (threadID ?? Slug.make(title.isEmpty ? "untitled" : title))

        var items: [ExtractedPage.Item] = []
        var seen: Set<String> = []
        for (n, node) in page.nodes(recipe.post, at: nil).enumerated() {
            guard let bodyNode = page.nodes(recipe.body, at: node).first else {
                notes.append("post \(n + 1) on the page has no body element (\(recipe.body.expression)); left out")
                continue
            }
            let hooks = PageHooks(base: base)
            let signature = signature(of: node, hooks: hooks)
            for query in recipe.remove { page.nodes(query, at: node).forEach(hooks.skip) }
            let (quotes, linked) = markQuotes(in: bodyNode, hooks: hooks)
            var body = render(bodyNode, hooks: hooks)
            let attachments = attachmentLines(of: node, hooks: hooks)
            if !attachments.isEmpty { body += (body.isEmpty ? "" : "\n\n") + "Attachments:\n" + attachments.joined(separator: "\n") }
            let author = recipe.author?.value(in: page, at: node)
            let dateText = recipe.date?.value(in: page, at: node)
            let date = dateText.flatMap { ForumDate.parse($0, order: recipe.dateOrder, savedAt: source.savedAt) }
            if let dateText, date == nil, !ForumDate.isRelative(dateText) {
                notes.append("post \(n + 1): the date \"\(dateText.prefix(60))\" could not be read; left unknown")
            }
            var id = recipe.postID.value(in: page, at: node) ?? ""
            if id.isEmpty {
                id = "h" + StableHash.hex([author ?? "", dateText ?? "", body].joined(separator: "\u{1F}"))
                notes.append("post \(n + 1) has no post id on the page; it is known by a hash of its text")
            }
            guard seen.insert(id).inserted else { continue }
            items.append(ExtractedPage.Item(id: id, author: author, dateText: dateText, date: date, body: body,
                                            signature: signature, quotes: quotes, linkedQuotes: linked))
        }
        return ExtractedPage(engine: recipe.engine, title: title, forum: forum, threadID: threadID, url: url,
                             threadKey: key, items: items, notes: notes)
    }

    /// The post's signature as text, its elements left out of the body; the "_____" line above it dropped.
    private func signature(of post: xmlNodePtr, hooks: PageHooks) -> String? {
        guard let query = recipe.signature else { return nil }
        let nodes = page.nodes(query, at: post)
        nodes.forEach(hooks.skip)
        var renderer = HTMLText.Renderer(hooks: PageHooks(base: hooks.base))
        for node in nodes { renderer.render(node, depth: 0) }
        let lines = renderer.finish().split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.allSatisfy { $0 == "_" || $0 == "-" || $0.isWhitespace } }
        let text = lines.joined(separator: "\n")
        return text.isEmpty ? nil : text
    }

    /// Marks the body's quotes with their author and post for the renderer; how many, and how many name their post.
    private func markQuotes(in body: xmlNodePtr, hooks: PageHooks) -> (Int, Int) {
        guard let query = recipe.quote else { return (0, 0) }
        var quotes = 0, linked = 0
        for q in page.nodes(query, at: body) {
            let post = recipe.quotePost?.value(in: page, at: q).flatMap { Int($0) }
            let author = recipe.quoteAuthor?.value(in: page, at: q)
            for header in recipe.quoteHeader { page.nodes(header, at: q).forEach(hooks.skip) }
            hooks.mark(q, as: .init(author: author, post: post))
            quotes += 1
            if post != nil { linked += 1 }
        }
        return (quotes, linked)
    }

    /// The post's attachments as `- [name](url)` lines.
    private func attachmentLines(of post: xmlNodePtr, hooks: PageHooks) -> [String] {
        guard let query = recipe.attachments else { return [] }
        return page.nodes(query, at: post).compactMap { a -> String? in
            let name = HTMLPage.text(of: a)
            guard let href = HTMLPage.attribute(a, "href") else { return name.isEmpty ? nil : name }
            return "- [\(name.isEmpty ? "attachment" : name)](\(hooks.absolute(href)))"
        }
    }

    /// The text of the body element's children.
    private func render(_ node: xmlNodePtr, hooks: PageHooks) -> String {
        var renderer = HTMLText.Renderer(hooks: hooks)
        renderer.children(node, 0)
        return renderer.finish()
    }
}
