import Foundation
import WeftModel

extension App {
    /// How many results a store-wide search shows.
    static let storeSearchLimit = 200

    /// `S`: searches every post of the store and shows the results in place of the thread list.
    func runStoreSearch(_ query: String) {
        guard !query.trimmed.isEmpty else {
            results = nil
            return
        }
        do {
            let hits = try source.searchPosts(query, limit: App.storeSearchLimit)
            results = (query, hits)
            resultSelection = 0
            resultTop = 0
            focus = .list
            say(hits.isEmpty ? "nothing in the store matches \(query)"
                : "\(hits.count)\(hits.count == App.storeSearchLimit ? "+" : "") posts match; \(keyName(.open)) opens one, \(keyName(.back)) returns to the threads")
        } catch {
            say("search failed: \(error)", error: true)
        }
    }

    /// Whether the list pane shows search results.
    var showingResults: Bool { results != nil }

    /// Moves in the results.
    func moveResult(to index: Int) {
        guard let r = results else { return }
        resultSelection = max(0, min(index, r.hits.count - 1))
    }

    /// Enter on a result: opens its thread at that post.
    func openResult() {
        guard let r = results, r.hits.indices.contains(resultSelection) else { return }
        let hit = r.hits[resultSelection]
        openThread(id: hit.thread, selectPost: hit.post)
        if open != nil {
            focus = .tree
            searchQuery = r.query.replacingOccurrences(of: "\"", with: "")
            lastMatch = .search
        }
    }

    func drawResults(_ grid: inout Grid, _ r: Rect) {
        guard let res = results else { return }
        drawTitle(&grid, r, "Search: \(res.query) (\(res.hits.count))", right: "q: threads", pane: .list)
        let rowsPerHit = 2
        let visible = max(1, (r.height - 1) / rowsPerHit)
        resultTop = App.scrolled(top: resultTop, selection: resultSelection, height: visible, count: res.hits.count)
        for i in 0..<visible {
            let n = resultTop + i
            guard n < res.hits.count else { break }
            let hit = res.hits[n]
            let y = r.y + 1 + i * rowsPerHit
            let selected = n == resultSelection
            if selected { grid.fill(Rect(x: r.x, y: y, width: r.width, height: rowsPerHit), role: .selection) }
            let head = StyledLine([(hit.author, selected ? .selection : .author(Theme.paletteSlot(for: hit.author))),
                                   ("  " + hit.title, selected ? .selection : .header)])
            head.draw(into: &grid, x: r.x + 1, y: y, limit: r.maxX)
            var spans: [(text: String, role: Role)] = [("  ", .normal)]
            var inMatch = false
            var text = ""
            // Start the line a little before the first match, so the match is in view.
            var snippet = Substring(hit.snippet.replacingOccurrences(of: "\n", with: " "))
            if let first = snippet.firstIndex(of: "["), snippet.distance(from: snippet.startIndex, to: first) > r.width / 3 {
                let from = snippet.index(first, offsetBy: -(r.width / 6))
                snippet = ellipsis + (snippet[from...].drop { $0 != " " })
            }
            for c in snippet {
                if c == "[" || c == "]" {
                    if !text.isEmpty { spans.append((text, inMatch ? .searchMatch : (selected ? .selection : .dimmed))) }
                    text = ""
                    inMatch = c == "["
                } else {
                    text.append(c)
                }
            }
            if !text.isEmpty { spans.append((text, selected ? .selection : .dimmed)) }
            StyledLine(spans).draw(into: &grid, x: r.x + 1, y: y + 1, limit: r.maxX)
        }
    }
}
