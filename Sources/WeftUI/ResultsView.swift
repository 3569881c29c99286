import WeftModel

/// The results of a store-wide search (`S`), shown in place of the thread list.
final class ResultsView: PaneView {
    /// What was searched for, as typed.
    let query: String
    /// The posts found, best first.
    let hits: [SearchHit]
    /// The selected hit.
    private(set) var selection = 0
    /// The first hit drawn.
    private(set) var top = 0
    /// Rows each hit takes: its author and thread, then the matching words.
    static let rowsPerHit = 2

    init(query: String, hits: [SearchHit]) {
        self.query = query
        self.hits = hits
    }

    var position: Int { selection }
    var positionCount: Int { hits.count }

    func select(_ position: Int) {
        selection = max(0, min(position, hits.count - 1))
    }

    /// The hit at the selection.
    var selectedHit: SearchHit? { hits.indices.contains(selection) ? hits[selection] : nil }

    /// How many hits a pane of `height` rows (its title included) shows.
    static func hitsShown(height: Int) -> Int { max(1, (height - 1) / rowsPerHit) }

    /// The hit drawn at a row of the pane's content (below its title), if any.
    func hit(atRow row: Int) -> Int? {
        let n = top + row / ResultsView.rowsPerHit
        return row >= 0 && n < hits.count ? n : nil
    }

    /// Keeps the selection in view in a pane of `height` rows.
    func scroll(height: Int) {
        top = App.scrolled(top: top, selection: selection, height: ResultsView.hitsShown(height: height), count: hits.count)
    }

    /// Draws the hits into `r`: per hit, its author and thread, then the words around the match.
    func draw(_ grid: inout Grid, _ r: Rect, _ c: PaneContext) {
        c.drawTitle(&grid, r, "Search: \(query) (\(hits.count))", right: "q: threads")
        for i in 0..<ResultsView.hitsShown(height: r.height) {
            let n = top + i
            guard n < hits.count else { break }
            let hit = hits[n]
            let y = r.y + 1 + i * ResultsView.rowsPerHit
            let selected = n == selection
            if selected { grid.fill(Rect(x: r.x, y: y, width: r.width, height: ResultsView.rowsPerHit), role: .selection) }
            let head = StyledLine([(hit.author, selected ? .selection : .author(Theme.paletteSlot(for: hit.author))),
                                   ("  " + hit.title, selected ? .selection : .header)])
            head.draw(into: &grid, x: r.x + 1, y: y, limit: r.maxX)
            snippetLine(hit, width: r.width, selected: selected, c).draw(into: &grid, x: r.x + 1, y: y + 1, limit: r.maxX)
        }
    }

    /// The words around a hit's match, the match marked (the source brackets it).
    private func snippetLine(_ hit: SearchHit, width: Int, selected: Bool, _ c: PaneContext) -> StyledLine {
        var spans: [(text: String, role: Role)] = [("  ", .normal)]
        var inMatch = false
        var text = ""
        // Start the line a little before the first match, so the match is in view.
        var snippet = Substring(hit.snippet.replacingOccurrences(of: "\n", with: " "))
        if let first = snippet.firstIndex(of: "["), snippet.distance(from: snippet.startIndex, to: first) > width / 3 {
            let from = snippet.index(first, offsetBy: -(width / 6))
            snippet = c.ellipsis + (snippet[from...].drop { $0 != " " })
        }
        for ch in snippet {
            if ch == "[" || ch == "]" {
                if !text.isEmpty { spans.append((text, inMatch ? .searchMatch : (selected ? .selection : .dimmed))) }
                text = ""
                inMatch = ch == "["
            } else {
                text.append(ch)
            }
        }
        if !text.isEmpty { spans.append((text, selected ? .selection : .dimmed)) }
        return StyledLine(spans)
    }
}
