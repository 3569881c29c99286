import WeftModel

extension App {
    /// The lines of the shown post, as drawn, that contain `query`.
    func postMatchLines(_ query: String) -> [Int] {
        guard let o = open, let post = o.selectedPost, let rect = layout.post else { return [] }
        let lines = shownLines(o, post: post, width: App.postTextWidth(rect), query: query)
        return lines.indices.filter { App.contains(lines[$0].text, query) }
    }

    /// `/` and `n`/`N` in the post pane: from match to match in the post's text, the view scrolled to
    /// each; past the last (or before the first) on to the next (previous) post that has one.
    func stepInPost(query: String, forward: Bool, includeCurrent: Bool) -> Bool {
        guard let o = open, let post = o.selectedPost else { return false }
        let matches = postMatchLines(query)
        let current = search.postMatch.flatMap { $0.post == post ? $0.line : nil }
        let target: Int?
        if includeCurrent || current == nil {
            target = forward ? matches.first { $0 >= o.postScroll } : matches.last { $0 < o.postScroll + postPageSize() }
        } else if forward {
            target = matches.first { $0 > current! }
        } else {
            target = matches.last { $0 < current! }
        }
        if let target {
            show(match: target, of: matches, in: o, post: post)
            return true
        }
        let found = findPosition(in: o, forward: forward, includeCurrent: false) { p in
            App.contains(o.thread.posts[p].body, query) || App.contains(o.thread.posts[p].displayAuthor, query)
        }
        guard let found, found != o.selection || matches.isEmpty else {
            if let first = forward ? matches.first : matches.last { show(match: first, of: matches, in: o, post: post) }
            return !matches.isEmpty
        }
        select(position: found, in: o)
        guard let next = o.selectedPost else { return true }
        let nextMatches = postMatchLines(query)
        if let line = forward ? nextMatches.first : nextMatches.last {
            show(match: line, of: nextMatches, in: o, post: next)
            say("match \(nextMatches.firstIndex(of: line)! + 1) of \(nextMatches.count), in the \(forward ? "next" : "previous") post")
        } else {
            search.postMatch = nil
        }
        return true
    }

    /// Scrolls the post so a match line is in view, a little below the top, and says which match it is.
    private func show(match line: Int, of matches: [Int], in o: OpenThread, post: PostIndex) {
        search.postMatch = (post, line)
        let page = postPageSize()
        if line < o.postScroll || line >= o.postScroll + page {
            postPane?.select(line - 2)
        }
        say("match \(matches.firstIndex(of: line)! + 1) of \(matches.count)")
    }
}
