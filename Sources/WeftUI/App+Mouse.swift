import WeftModel

extension App {
    /// A mouse event, at a cell of the screen.
    public enum Mouse: Equatable, Sendable {
        /// The first button went down.
        case press(x: Int, y: Int)
        case wheelUp(x: Int, y: Int)
        case wheelDown(x: Int, y: Int)
    }

    /// How many lines or items a turn of the wheel moves.
    static let wheelStep = 3

    /// The mouse: a press selects in the pane under it (again on the selection, opens it; on a
    /// link, opens the link); the wheel scrolls the pane under it, whichever has the focus.
    @discardableResult
    public func handle(mouse: Mouse) -> [Effect] {
        guard prompt == nil, !layout.tooSmall else { return [] }
        message = nil
        if let open = page {
            let last = max(0, pageLines().count - (height - 2))
            switch mouse {
            case .wheelUp: page?.top = max(0, open.top - App.wheelStep)
            case .wheelDown: page?.top = min(open.top + App.wheelStep, last)
            case .press: page = nil
            }
            return []
        }
        var effects: [Effect] = []
        switch mouse {
        case .wheelUp(let x, let y), .wheelDown(let x, let y):
            let step = { if case .wheelUp = mouse { return -App.wheelStep } else { return App.wheelStep } }()
            guard let pane = pane(at: x, y) else { return [] }
            let kept = focus
            focus = pane
            if pane == .post { scrollPost(by: step) } else { move(by: step) }
            focus = kept
        case .press(let x, let y):
            guard let pane = pane(at: x, y) else { return [] }
            effects = press(in: pane, x: x, y: y)
        }
        afterAction()
        return effects
    }

    /// The pane whose rows (not its title) hold a cell.
    func pane(at x: Int, _ y: Int) -> Pane? {
        let l = layout
        for (pane, rect) in [(Pane.list, l.list), (.tree, l.tree), (.post, l.post)] {
            guard let r = rect, x >= r.x, x < r.maxX, y >= r.y, y < r.y + r.height else { continue }
            return pane
        }
        return nil
    }

    private func press(in pane: Pane, x: Int, y: Int) -> [Effect] {
        guard let r = pane == .list ? layout.list : pane == .tree ? layout.tree : layout.post else { return [] }
        let row = y - r.y - 1
        switch pane {
        case .list:
            focus = .list
            guard row >= 0 else { return [] }
            if showingResults {
                guard let target = results?.hit(atRow: row) else { return [] }
                if target == results?.selection { openResult() } else { results?.select(target) }
            } else if threadList.top + row < threadList.count {
                let target = threadList.top + row
                if target == threadList.selection { openSelection() } else { threadList.select(target) }
            }
        case .tree:
            focus = .tree
            guard row >= 0, let o = open, o.top + row < o.visible.count else { return [] }
            if o.top + row == o.selection { focus = .post } else { select(position: o.top + row, in: o) }
        case .post:
            focus = .post
            let line = row - 1  // the line under the title holds notes, not text
            guard line >= 0, let url = link(atLine: open.map { $0.postScroll + line } ?? 0, column: x - r.x - 1) else { return [] }
            return openURL(url)
        }
        return []
    }

    /// The link drawn at a line and column of the shown post, if any.
    func link(atLine index: Int, column: Int) -> String? {
        guard let o = open, let post = o.selectedPost, let rect = layout.post else { return nil }
        let lines = shownLines(o, post: post, width: App.postTextWidth(rect))
        guard lines.indices.contains(index), column >= 0 else { return nil }
        // Each drawn span knows the link it shows: a link's text, its number, or its entry in the list.
        var at = 0
        for (k, s) in lines[index].spans.enumerated() {
            let w = DisplayWidth.of(s.text)
            if column < at + w {
                let links = o.parsed(post).links
                guard let n = lines[index].links[k], links.indices.contains(n) else { return nil }
                return links[n].url
            }
            at += w
        }
        return nil
    }
}
