import Foundation
import WeftModel

extension ThreadListView {
    /// Draws the list into `r`: a title with the counts and the order, then a row per thread in view.
    /// `filtered` says whether a filter is on (to say why the list is empty).
    func draw(_ grid: inout Grid, _ r: Rect, _ c: PaneContext, filtered: Bool) {
        let unreadThreads = rows.unreadThreads
        c.drawTitle(&grid, r, "Threads (\(count)\(unreadThreads > 0 ? ", \(unreadThreads) unread" : ""))",
                    right: (c.ascii ? "v" : "▾") + sort.rawValue)
        let shownRows = r.height - 1
        if count == 0 {
            let why = totalThreads == 0 && !filtered ? "No threads in this store."
                : "No thread matches the filter (\(c.keyName(.filterAuthor)), then Enter, clears it)."
            grid.put(c.fit(why, r.width - 1), x: r.x + 1, y: r.y + 1, role: .dimmed)
            return
        }
        let showStarter = r.width >= 40
        let starterWidth = showStarter ? min(12, r.width / 6) : 0
        let countWidth = 6
        let dateWidth = r.width >= 60 ? 10 : r.width >= 40 ? 7 : 0
        let titleWidth = r.width - 1 - (showStarter ? starterWidth + 1 : 0) - countWidth - (dateWidth > 0 ? dateWidth + 1 : 0) - 1
        for i in 0..<shownRows {
            let index = top + i
            guard index < count, let s = cachedSummary(at: index) else { break }
            let y = r.y + 1 + i
            let selected = index == selection
            let base: Role = selected ? .selection : .normal
            if selected { grid.fill(Rect(x: r.x, y: y, width: r.width, height: 1), role: .selection) }
            grid.put(s.unreadCount > 0 ? (c.ascii ? "*" : "●") : " ", x: r.x, y: y, role: selected ? base : .unread)
            var x = r.x + 1
            // The list's tag and "Re:" go; the tree's title shows the thread's full title.
            let title = StyledLine(c.fit(Subject.forList(s.title, forum: s.forum), titleWidth), base)
            (c.focused ? title.highlighting(c.query) : title).draw(into: &grid, x: x, y: y, limit: x + titleWidth)
            x += titleWidth + 1
            if showStarter {
                let name = s.starter ?? Post.unnamedAuthor
                grid.put(c.fit(name, starterWidth), x: x, y: y,
                         role: selected ? base : .author(Theme.paletteSlot(for: name)))
                x += starterWidth + 1
            }
            let partial = "\(s.unreadCount)/\(s.postCount)"
            let shownCount = s.unreadCount > 0 && s.unreadCount < s.postCount && partial.count <= countWidth ? partial : "\(s.postCount)"
            grid.put(String(repeating: " ", count: max(0, countWidth - shownCount.count)) + shownCount, x: x, y: y, role: base)
            x += countWidth + 1
            if dateWidth > 0 {
                // The date the list is sorted by: when the thread started, or its latest post.
                let date = (sort == .started ? s.firstDate : s.lastDate).map {
                    dateWidth < 10 ? DateText.compact($0, now: c.now, zone: c.zone) : DateText.short($0, now: c.now, zone: c.zone)
                } ?? "-"
                grid.put(String(repeating: " ", count: max(0, dateWidth - date.count)) + date, x: x, y: y, role: selected ? base : .dimmed)
            }
        }
    }
}
