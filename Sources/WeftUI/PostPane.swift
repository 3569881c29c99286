import Foundation
import WeftModel

/// The post pane: the selected post of the open thread, laid out as lines at the pane's width.
///
/// Its positions are the first lines it can show; the scroll itself is kept with the open thread
/// (it goes back to the top when the selected post changes). The browser makes one for the post
/// shown, with its lines as drawn, to move or draw it.
final class PostPane: PaneView {
    let o: OpenThread
    /// The post shown.
    let post: PostIndex
    /// Its lines as drawn, and how many show at once.
    let lines: [StyledLine]
    private let page: Int

    init(open: OpenThread, post: PostIndex, lines: [StyledLine], page: Int) {
        self.o = open
        self.post = post
        self.lines = lines
        self.page = page
    }

    var position: Int { o.postScroll }
    /// Positions from the top to where the last line is at the bottom.
    var positionCount: Int { max(0, lines.count - page) + 1 }

    func select(_ position: Int) {
        o.postScroll = max(0, min(position, positionCount - 1))
    }

    /// Draws the post into `r`: a title saying who wrote it, when, to whom and where it is in the
    /// thread; a line of notes; then its lines from the scroll position.
    func draw(_ grid: inout Grid, _ r: Rect, _ c: PaneContext) {
        let postIndex = post
        guard let row = o.selectedRow else { return }
        let post = o.thread.posts[postIndex]
        if post.placeholder {
            c.drawTitle(&grid, r, post.body.isEmpty ? "Not in this archive" : "More replies, not in this archive")
            let text = post.body.isEmpty
                ? "The replies below answer a message that this archive does not hold (id \(post.id))."
                : "\(post.body): the file had only a stub for them."
            for (i, line) in Wrap.lines(text, width: r.width - 2).prefix(max(0, r.height - 2)).enumerated() {
                grid.put(line, x: r.x + 1, y: r.y + 2 + i, role: .dimmed, limit: r.maxX - 1)
            }
            return
        }
        var head = [o.author(postIndex)]
        if let date = post.date { head.append(DateText.full(date, zone: c.zone)) }
        let treeRow = o.tree[row]
        if let p = treeRow.parentRow {
            head.append("in reply to \(o.author(o.tree[p].post))")
        } else if treeRow.marker == .parentMissing {
            head.append("parent not in this thread")
        }
        if treeRow.marker == .cycleBroken { head.append("reply loop broken here") }
        if treeRow.marker == .duplicateID { head.append("duplicate id") }
        // Stand-ins (a missing parent, a "more replies" stub) are not posts: neither counted nor numbered.
        let (number, of) = o.realPosition(o.selection)
        head.append("post \(number) of \(of)")
        c.drawTitle(&grid, r, head.joined(separator: " · "))
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
            let key = c.keymap.keys(for: .toggleTimeOrder).first.map { " · \($0.name): time order" } ?? ""
            grid.put((c.ascii ? "~ " : "╌ ") + reason.explanation + key, x: r.x + 1, y: r.y + 1, role: .dimmed, limit: noteLimit)
        }
        for i in 0..<max(0, rows) {
            let n = o.postScroll + i
            guard n < lines.count else { break }
            lines[n].draw(into: &grid, x: r.x + 1, y: r.y + 2 + i, limit: r.maxX - 1)
        }
    }
}
