import WeftModel

extension App {
    /// The whole screen for the current state: a pure function of it, with no I/O.
    public func render() -> Grid {
        var grid = Grid(width: width, height: height)
        let l = layout
        if l.tooSmall {
            // Wrapped, so the size it needs is never cut off; keys wait until there is room (see `handle`).
            let notice = "Terminal too small: \(width)x\(height); weft needs \(Layout.minWidth)x\(Layout.minHeight). Q quits."
            for (i, line) in Wrap.lines(notice, width: max(1, width)).prefix(height).enumerated() {
                grid.put(line, x: 0, y: i, role: .error, limit: width)
            }
            return grid
        }
        if let r = l.list {
            if let results { results.draw(&grid, r, paneContext(.list)) } else {
                threadList.draw(&grid, r, paneContext(.list), filtered: filter.hasAuthorTerms || filter.unreadOnly)
            }
        }
        if let r = l.tree { drawTree(&grid, r) }
        if let r = l.post { drawPost(&grid, r) }
        if let r = l.verticalRule {
            for y in r.y..<r.maxY { grid.put(ascii ? "|" : "│", x: r.x, y: y, role: .treeLines) }
        }
        if let r = l.horizontalRule {
            grid.put(String(repeating: ascii ? "-" : "─", count: r.width), x: r.x, y: r.y, role: .treeLines)
        }
        drawStatus(&grid, l.status)
        drawPrompt(&grid, l.prompt)
        if prompt?.kind == .author || prompt?.kind == .command { drawCompletions(&grid, above: l.status.y) }
        if page != nil { drawPage(&grid, Rect(x: 0, y: 0, width: width, height: height - 2)) }
        return grid
    }

    /// What a pane's drawing reads from the browser: the options, the search, the keys.
    func paneContext(_ pane: Pane) -> PaneContext {
        // The list highlights the search when it has the focus; the tree, whenever the focus is not on the list.
        let searching = pane == .list ? focus == .list : focus != .list
        return PaneContext(ascii: ascii, focused: focus == pane, query: searching ? search.query : "", now: now,
                           zone: timeZone, keymap: keymap)
    }

    /// A pane's title row, with the focused pane's title marked.
    func drawTitle(_ grid: inout Grid, _ r: Rect, _ left: String, right: String = "", pane: Pane) {
        paneContext(pane).drawTitle(&grid, r, left, right: right)
    }

    func drawStatus(_ grid: inout Grid, _ r: Rect) {
        grid.fill(r, role: .status)
        var parts = [" " + source.displayName]
        let f = filterDescription()
        if !f.isEmpty { parts.append(f) }
        if let r = results, focus == .list {
            parts.append(r.hits.isEmpty ? "no results" : "result \(r.selection + 1) of \(r.hits.count)")
        } else if let o = open, focus != .list || layout.tree != nil {
            if o.visible.isEmpty {
                parts.append("no posts shown")
            } else {
                let (number, of) = o.realPosition(o.selection)
                let isPost = o.selectedPost.map { !o.thread.posts[$0].placeholder } ?? false
                parts.append(isPost ? "post \(number) of \(of)" : "not a post (\(of) posts)")
            }
        } else if threadList.count > 0 {
            parts.append("thread \(threadList.selection + 1) of \(threadList.count)")
        }
        if !search.query.isEmpty && prompt == nil { parts.append("/\(search.query)") }
        let left = parts.joined(separator: " │ ")
        // Built from the keymap, so a rebinding shows in the hints.
        let shown: [(Action, String)] = focus == .list
            ? [(.open, "open"), (.filterAuthor, "author"), (.search, "search"), (.help, "help"), (.back, "quit")]
            : [(.readOn, "read on"), (.quoteSource, "quote source"), (.parent, "parent"), (.filterAuthor, "author"), (.help, "help")]
        let hint = shown.map { "\(keyName($0.0)):\($0.1)" }.joined(separator: " ")
        let hintWidth = DisplayWidth.of(hint)
        let leftText = fit(left, r.width)
        let end = grid.put(leftText, x: r.x, y: r.y, role: .status)
        if end + hintWidth + 3 <= r.width { grid.put(hint, x: r.maxX - hintWidth - 1, y: r.y, role: .status) }
    }

    func drawPrompt(_ grid: inout Grid, _ r: Rect) {
        if let p = prompt {
            let text = p.label + p.text
            let shown = DisplayWidth.of(text) < r.width ? text : ellipsis + String(text.suffix(max(1, r.width - 3)))
            let end = grid.put(shown, x: r.x, y: r.y, role: .normal, limit: r.maxX)
            if end < r.maxX { grid.put(ascii ? "_" : "█", x: end, y: r.y, role: .normal) }
        } else if let m = message {
            grid.put(fit(m.text, r.width), x: r.x, y: r.y, role: m.isError ? .error : .normal)
        }
    }

    func drawCompletions(_ grid: inout Grid, above bottom: Int) {
        guard let p = prompt, !p.matches.isEmpty else { return }
        let shown = Array(p.matches.prefix(min(8, max(1, bottom - 1))))
        let lines = shown.map { $0.count > 0 ? "\($0.name) (\($0.count))" : $0.name }
        let w = min(width, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        for (i, line) in lines.enumerated() {
            let y = bottom - shown.count + i
            let selected = p.matchIndex.map { $0 % p.matches.count == i } ?? false
            grid.fill(Rect(x: 0, y: y, width: w, height: 1), role: selected ? .selection : .status)
            grid.put(" " + line, x: 0, y: y, role: selected ? .selection : .status, limit: w)
        }
    }
}

extension App {
    /// The mark of cut text (see ``DisplayWidth/ellipsis(ascii:)``).
    var ellipsis: String { DisplayWidth.ellipsis(ascii: ascii) }

    /// `s` cut to `width` columns with this screen's ellipsis.
    func fit(_ s: String, _ width: Int) -> String {
        DisplayWidth.truncate(s, to: width, ellipsis: ellipsis)
    }
}
