import Foundation
import WeftModel

extension App {
    /// `s`: goes to the post the current post's quote comes from; again, the next quote.
    ///
    /// Pressed again where it landed, it goes on to the next quote of the post it started from, until
    /// that post's quotes are all visited; then it follows the quotes of the post being read, so a
    /// chain of quotes (3 quotes 2, which quotes 1) can be followed back to its start.
    func followQuote() {
        guard let o = open, let current = o.selectedPost else { return }
        var origin = current
        var index = 0
        var cycled: [QuoteResolver.Source]?
        if let cycle = quoteCycle, cycle.landed == current {
            let left = o.resolver.sources(forPost: cycle.origin, body: o.parsed(cycle.origin))
            if cycle.next < left.count { (origin, index, cycled) = (cycle.origin, cycle.next, left) }
        }
        let sources = cycled ?? o.resolver.sources(forPost: origin, body: o.parsed(origin))
        guard !sources.isEmpty else {
            say("this post quotes nothing")
            quoteCycle = nil
            return
        }
        let source = sources[index % sources.count]
        let label = "quote \(index % sources.count + 1) of \(sources.count)"
        guard let target = source.post else {
            say("\(label): its source is not in this thread", error: true)
            quoteCycle = (origin, index + 1, current)
            return
        }
        if current == origin { jump(to: o.tree.row(ofPost: target), in: o) } else {
            o.reveal(row: o.tree.row(ofPost: target), filter: filter, hideOthers: hideOthers)
            o.postScroll = 0
        }
        quoteCycle = (origin, index + 1, target)
        let how: String
        switch source.method {
        case .postNumber?: how = "by post number"
        case .authorName?: how = "by author"
        case .authorOnly?: how = "by author, nearest post"
        case .textMatch?: how = "by matching text"
        case nil: how = ""
        }
        say("\(label) → \(o.author(target))'s post (\(how)); \(keyName(.jumpBack)) returns")
    }

    /// `z`: unfolds or folds long quotes in the current post.
    func toggleQuoteFold() {
        guard let o = open, let post = o.selectedPost else { return }
        if o.unfolded.contains(post) { o.unfolded.remove(post) } else { o.unfolded.insert(post) }
    }

    /// `l`: opens the post's link, or asks which when there are several.
    func openLink() -> [Effect] {
        guard let o = open, let post = o.selectedPost else { return [] }
        let links = o.parsed(post).links
        switch links.count {
        case 0:
            say("this post has no links")
            return []
        case 1:
            return openURL(links[0].url)
        default:
            prompt = Prompt(kind: .link(count: links.count), label: "Open link (1-\(links.count)): ", text: "")
            return []
        }
    }

    /// Asks the backend to open a URL, but only http, https and mailto; others are shown.
    func openURL(_ url: String) -> [Effect] {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else {
            say("not opened (only http, https and mailto are): \(url)", error: true)
            return []
        }
        say("opening \(url)")
        return [.openURL(url)]
    }

    /// The lines of the selected post at the post pane's width.
    func postLineCount() -> Int { postPane?.lines.count ?? 0 }

    /// The post pane for the selected post, with its lines as drawn now; nil when no post is selected.
    /// Without a post pane in the layout (a narrow screen showing the tree) it has no lines.
    var postPane: PostPane? {
        guard let o = open, let post = o.selectedPost else { return nil }
        let lines = layout.post.map { shownLines(o, post: post, width: App.postTextWidth($0)) } ?? []
        return PostPane(open: o, post: post, lines: lines, page: postPageSize())
    }

    /// A post's lines as the post pane draws them now (width, search, signatures, and the keys it names).
    func shownLines(_ o: OpenThread, post: PostIndex, width: Int, query: String? = nil) -> [StyledLine] {
        PostView.lines(o, post: post, width: width, query: query ?? search.query, ascii: ascii, signatures: !options.hideSignatures,
                       unfoldKey: keyName(.toggleQuoteFold), headers: options.showHeaders, reflow: options.reflow)
    }

    /// The first key bound to an action, as hints name it; `:name` when none is bound.
    func keyName(_ action: Action) -> String { App.keyName(action, in: keymap) }

    /// The first key a keymap binds to an action; `:name` when none is bound.
    static func keyName(_ action: Action, in keymap: Keymap) -> String {
        keymap.keys(for: action).first?.name ?? ":" + ActionTable.info(action).name
    }

    /// The width the post's text is wrapped to in the post pane: the pane less a column each side.
    ///
    /// Scrolling and drawing must wrap alike: when they did not, the last lines of a post of
    /// 72-to-76-column lines could not be scrolled to at 120x40.
    static func postTextWidth(_ pane: Rect) -> Int { pane.width - 2 }
}
