import Foundation
import WeftModel

extension App {
    func drawTree(_ grid: inout Grid, _ r: Rect) {
        guard let o = open else {
            drawTitle(&grid, r, "Replies", pane: .tree)
            grid.put("\(keyName(.open)) opens the selected thread.", x: r.x + 1, y: r.y + 1, role: .dimmed, limit: r.maxX)
            return
        }
        let unread = o.unreadCount
        drawTitle(&grid, r, "Replies: \(o.thread.title)", right: "\(o.postCount) posts, \(unread) unread", pane: .tree)
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
            let line = treeLine(o, row: row, maxIndent: maxIndent, starter: starter, dim: dim)
            let shown = focus != .list ? line.highlighting(searchQuery) : line
            shown.draw(into: &grid, x: r.x, y: y, limit: r.maxX, override: selected ? .selection : nil)
        }
    }

    /// One tree row: unread mark, guides, author, date, snippet.
    func treeLine(_ o: OpenThread, row: Int, maxIndent: Int, starter: String?, dim: Bool) -> StyledLine {
        let tree = o.tree
        let r = tree.rows[row]
        let post = o.thread.posts[r.post]
        var spans: [(text: String, role: Role)] = []
        let isUnread = !post.placeholder && !o.read.contains(post.id)
        spans.append((isUnread ? (ascii ? "*" : "●") : " ", dim ? .dimmed : .unread))
        if r.depth > 0 {
            // Guides for the nearest ancestors only, so deep threads never run off the edge.
            let shownLevels = min(r.depth, maxIndent)
            var ancestors: [Int] = []
            var a = r.parentRow
            while let current = a, ancestors.count < shownLevels - 1 {
                ancestors.append(current)
                a = tree.rows[current].parentRow
            }
            var guides = ""
            if r.depth > maxIndent { guides += "[\(r.depth)]" }
            for anc in ancestors.reversed() {
                guides += tree.rows[anc].nextSiblingRow != nil ? (ascii ? "| " : "│ ") : "  "
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
        let isStarter = post.author != nil && starter != nil && o.authorship.keys[r.post] == o.starterKey
        spans.append((name, dim ? .dimmed : isStarter ? .starter : .author(Theme.paletteSlot(for: name))))
        if isStarter { spans.append((" OP", dim ? .dimmed : .starter)) }
        if let date = post.date { spans.append(("  " + DateText.short(date, now: now, zone: timeZone), .dimmed)) }
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

    func drawPost(_ grid: inout Grid, _ r: Rect) {
        guard let o = open, let postIndex = o.selectedPost, let row = o.selectedRow else {
            drawTitle(&grid, r, "Post", pane: .post)
            return
        }
        let post = o.thread.posts[postIndex]
        if post.placeholder {
            drawTitle(&grid, r, post.body.isEmpty ? "Not in this archive" : "More replies, not in this archive", pane: .post)
            let text = post.body.isEmpty
                ? "The replies below answer a message that this archive does not hold (id \(post.id))."
                : "\(post.body): the file had only a stub for them."
            for (i, line) in Wrap.lines(text, width: r.width - 2).prefix(max(0, r.height - 2)).enumerated() {
                grid.put(line, x: r.x + 1, y: r.y + 2 + i, role: .dimmed, limit: r.maxX - 1)
            }
            return
        }
        var head = [o.author(postIndex)]
        if let date = post.date { head.append(DateText.full(date, zone: timeZone)) }
        let treeRow = o.tree.rows[row]
        if let p = treeRow.parentRow {
            head.append("in reply to \(o.author(o.tree.rows[p].post))")
        } else if treeRow.marker == .parentMissing {
            head.append("parent not in this thread")
        }
        if treeRow.marker == .cycleBroken { head.append("reply loop broken here") }
        if treeRow.marker == .duplicateID { head.append("duplicate id") }
        // Stand-ins (a missing parent, a "more replies" stub) are not posts: neither counted nor numbered.
        let (number, of) = o.realPosition(o.selection)
        head.append("post \(number) of \(of)")
        drawTitle(&grid, r, head.joined(separator: " · "), pane: .post)
        let lines = shownLines(o, post: postIndex, width: App.postTextWidth(r))
        let rows = r.height - 2
        // How far through the post: on the line under the title, right-aligned, where it covers no text.
        var noteLimit = r.maxX - 1
        if lines.count > rows, rows > 0, r.height > 2 {
            let pct = min(100, (o.postScroll + rows) * 100 / lines.count)
            let more = pct >= 100 ? "end" : "\(pct)%"
            grid.put(" \(more) ", x: r.maxX - more.count - 3, y: r.y + 1, role: .dimmed)
            noteLimit = r.maxX - more.count - 4
        }
        if let subject = o.changedSubject(postIndex), r.height > 2 {
            // A reply that changed the subject says so where the eye already is (patch 2/3 is not patch 1/3).
            grid.put("Subject: " + TerminalSafe.clean(subject, keepNewlines: false), x: r.x + 1, y: r.y + 1,
                     role: .marked(.mailHeader, on: .normal), limit: noteLimit)
        } else if let reason = post.inferred, treeRow.parentRow != nil, r.height > 2 {
            // The line under the title says the link is a guess, and why, where the eye already is.
            let key = keymap.keys(for: .toggleTimeOrder).first.map { " · \($0.name): time order" } ?? ""
            grid.put((ascii ? "~ " : "╌ ") + reason.explanation + key, x: r.x + 1, y: r.y + 1, role: .dimmed, limit: noteLimit)
        }
        for i in 0..<max(0, rows) {
            let n = o.postScroll + i
            guard n < lines.count else { break }
            lines[n].draw(into: &grid, x: r.x + 1, y: r.y + 2 + i, limit: r.maxX - 1)
        }
    }
}
