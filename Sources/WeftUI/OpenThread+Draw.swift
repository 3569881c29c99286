import Foundation
import WeftModel

extension OpenThread {
    /// Draws the reply tree into `r`: a title with the thread's counts, then a row per visible post.
    func draw(_ grid: inout Grid, _ r: Rect, _ c: PaneContext) {
        let o = self
        let unread = o.unreadCount
        c.drawTitle(&grid, r, "Replies: \(o.thread.title)", right: "\(o.postCount) posts, \(unread) unread")
        if o.visible.isEmpty {
            grid.put("No post matches the filter.", x: r.x + 1, y: r.y + 1, role: .dimmed, limit: r.maxX)
            return
        }
        let starter = o.thread.starter
        let maxIndent = max(1, min(10, (r.width - 30) / 3))
        for i in 0..<(r.height - 1) {
            let position = o.top + i
            guard position < o.visible.count else { break }
            let row = o.visible[position]
            let y = r.y + 1 + i
            let selected = position == o.selection
            let dim = !o.matched[position]
            if selected { grid.fill(Rect(x: r.x, y: y, width: r.width, height: 1), role: .selection) }
            let line = treeLine(row: row, maxIndent: maxIndent, starter: starter, dim: dim, c)
            line.highlighting(c.query).draw(into: &grid, x: r.x, y: y, limit: r.maxX, override: selected ? .selection : nil)
        }
    }


    /// One tree row: unread mark, guides, author, date, snippet.
    func treeLine(row: TreeRow, maxIndent: Int, starter: String?, dim: Bool, _ c: PaneContext) -> StyledLine {
        let o = self
        let ascii = c.ascii
        let tree = o.tree
        let r = tree[row]
        let post = o.thread.posts[r.post]
        var spans: [(text: String, role: Role)] = []
        let isUnread = !post.placeholder && !o.read.contains(post.id)
        spans.append((isUnread ? (ascii ? "*" : "●") : " ", dim ? .dimmed : .unread))
        if r.depth > 0 {
            // Guides for the nearest ancestors only, so deep threads never run off the edge.
            let shownLevels = min(r.depth, maxIndent)
            var ancestors: [TreeRow] = []
            var a = r.parentRow
            while let current = a, ancestors.count < shownLevels - 1 {
                ancestors.append(current)
                a = tree[current].parentRow
            }
            var guides = ""
            if r.depth > maxIndent { guides += "[\(r.depth)]" }
            for anc in ancestors.reversed() {
                guides += tree[anc].nextSiblingRow != nil ? (ascii ? "| " : "│ ") : "  "
            }
            // An inferred link is drawn dashed (`~` in ASCII), so a guess never looks like a fact.
            let line = post.inferred != nil ? (ascii ? "~" : "╌") : (ascii ? "-" : "─")
            guides += (r.nextSiblingRow != nil ? (ascii ? "|" : "├") : (ascii ? "`" : "└")) + line
            spans.append((guides, .treeLines))
        }
        if r.marker == .parentMissing || r.marker == .cycleBroken { spans.append(("?", .error)) }
        if post.placeholder {
            spans.append((post.body.isEmpty ? "(not in this archive)" : "[\(post.body)]", .dimmed))
            let hiddenCount = o.hiddenCount(row: row)
            if hiddenCount > 0 { spans.append(("  " + (ascii ? "+" : "▸") + "\(hiddenCount) hidden", .starter)) }
            return StyledLine(spans)
        }
        let name = o.author(r.post)
        let isStarter = post.author != nil && starter != nil && o.authorKey(r.post) == o.starterKey
        spans.append((name, dim ? .dimmed : isStarter ? .starter : .author(Theme.paletteSlot(for: name))))
        if isStarter { spans.append((" OP", dim ? .dimmed : .starter)) }
        if let date = post.date { spans.append(("  " + DateText.short(date, now: c.now, zone: c.zone), .dimmed)) }
        let hidden = o.hiddenCount(row: row)
        if hidden > 0 {
            let unread = o.hiddenUnread(row: row)
            spans.append(("  " + (ascii ? "+" : "▸") + "\(hidden) hidden" + (unread > 0 ? ", \(unread) unread" : ""), .starter))
        }
        if let subject = o.changedSubject(r.post) {
            spans.append(("  " + TerminalSafe.clean(subject, keepNewlines: false), dim ? .dimmed : .marked(.mailHeader, on: .normal)))
        }
        spans.append(("  " + o.snippet(r.post), dim ? .dimmed : .normal))
        return StyledLine(spans)
    }
}
