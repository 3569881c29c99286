import CLibXML2
import Foundation
import WeftModel

/// What a recipe read from one saved page: the thread it belongs to and its posts.
public struct ExtractedPage: Sendable {
    /// One post as the page shows it.
    public struct Item: Sendable {
        public var id: String
        public var author: String?
        /// The date as the page writes it (an attribute's value or the displayed text).
        public var dateText: String?
        public var date: Date?
        public var body: String
        public var signature: String?
        /// How many quotes the body holds, and how many of them name their source post.
        public var quotes: Int
        public var linkedQuotes: Int
    }

    public var engine: String
    public var title: String
    public var forum: String?
    /// The thread's id on its forum, when the page gives it.
    public var threadID: String?
    /// The page's address, when known.
    public var url: String?
    /// The key that makes pages of one thread one thread: site and thread id.
    public var threadKey: String
    public var items: [Item]
    /// What could not be taken as it was (a post without a body, an unreadable date).
    public var notes: [String]

    /// The page as a thread of Weft posts, flat, ready for reply inference.
    public var thread: ForumThread {
        let posts = items.map { item in
            Post(id: item.id, author: item.author, date: item.date, parent: nil, number: Int(item.id), body: item.body,
                 format: .html, inferred: .default, signature: item.signature)
        }
        return ForumThread(id: threadKey, title: title, forum: forum, posts: posts)
    }
}

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
            var signature: String?
            if let sig = recipe.signature {
                let nodes = page.nodes(sig, at: node)
                nodes.forEach(hooks.skip)
                var renderer = HTMLText.Renderer(hooks: PageHooks(base: base))
                for sigNode in nodes { renderer.render(sigNode, depth: 0) }
                // The "__________" line forums put above a signature is a separator, not part of it.
                let lines = renderer.finish().split(separator: "\n", omittingEmptySubsequences: false)
                    .drop { $0.allSatisfy { $0 == "_" || $0 == "-" || $0.isWhitespace } }
                let text = lines.joined(separator: "\n")
                signature = text.isEmpty ? nil : text
            }
            for query in recipe.remove { page.nodes(query, at: node).forEach(hooks.skip) }
            var quotes = 0, linked = 0
            if let quote = recipe.quote {
                for q in page.nodes(quote, at: bodyNode) {
                    let post = recipe.quotePost?.value(in: page, at: q).flatMap { Int($0) }
                    let author = recipe.quoteAuthor?.value(in: page, at: q)
                    for header in recipe.quoteHeader { page.nodes(header, at: q).forEach(hooks.skip) }
                    hooks.mark(q, as: .init(author: author, post: post))
                    quotes += 1
                    if post != nil { linked += 1 }
                }
            }
            var body = render(bodyNode, hooks: hooks, skipRoot: true)
            if let attach = recipe.attachments {
                let links = page.nodes(attach, at: node).compactMap { a -> String? in
                    let name = HTMLPage.text(of: a)
                    guard let href = HTMLPage.attribute(a, "href") else { return name.isEmpty ? nil : name }
                    return "- [\(name.isEmpty ? "attachment" : name)](\(hooks.absolute(href)))"
                }
                if !links.isEmpty { body += (body.isEmpty ? "" : "\n\n") + "Attachments:\n" + links.joined(separator: "\n") }
            }
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
            items.append(ExtractedPage.Item(id: id, author: author, dateText: dateText, date: date, body: body, signature: signature,
                              quotes: quotes, linkedQuotes: linked))
        }
        return ExtractedPage(engine: recipe.engine, title: title, forum: forum, threadID: threadID, url: url,
                             threadKey: key, items: items, notes: notes)
    }

    private func render(_ node: xmlNodePtr, hooks: PageHooks, skipRoot: Bool = false) -> String {
        var renderer = HTMLText.Renderer(hooks: hooks)
        if skipRoot {
            renderer.children(node, 0)
        } else {
            renderer.render(node, depth: 0)
        }
        return renderer.finish()
    }
}

