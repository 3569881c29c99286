import WeftModel

/// A full-screen page over the panes: the keys (`?`), or notes to be read in full.
enum PageKind: Equatable {
    /// The help, generated from the action table and the keymap.
    case help
    /// Text that does not fit the message line (mistakes in the keys file, say), with a title.
    case notes(title: String, lines: [String])
}

extension App {
    /// Opens a page of notes, read in full and closed by any key.
    public func showNotes(title: String, _ lines: [String]) {
        page = (.notes(title: title, lines: lines), 0)
    }

    /// The open page's lines at this width.
    func pageLines() -> [StyledLine] {
        guard let page else { return [] }
        switch page.kind {
        case .help: return helpColumns(width: width - 1)
        case .notes(let title, let lines):
            var out = [StyledLine(title + " (any key closes)", .header), StyledLine()]
            for line in lines {
                for part in Wrap.lines(line, width: max(10, width - 3)) { out.append(StyledLine(part, .normal)) }
            }
            return out
        }
    }

    func handlePageKey(_ key: Key) {
        let rows = max(1, height - 4)
        var top = page?.top ?? 0
        switch keymap.action(for: key) {
        case .moveDown?: top += 1
        case .moveUp?: top -= 1
        case .pageDown?, .readOn?: top += rows
        case .pageUp?: top -= rows
        case .first?: top = 0
        case .quit?: quit()
        default:
            page = nil
            return
        }
        // Worked out before the write: `page?.top = …` holds `page` while its right side reads it.
        let last = pageLines().count - (height - 2)
        page?.top = max(0, min(top, last))
    }

    func drawPage(_ grid: inout Grid, _ r: Rect) {
        grid.fill(r, role: .normal)
        let lines = pageLines()
        let top = min(page?.top ?? 0, max(0, lines.count - r.height))
        for (i, line) in lines.dropFirst(top).prefix(r.height).enumerated() {
            line.draw(into: &grid, x: r.x + 1, y: r.y + i, limit: r.maxX)
        }
    }

    /// The help's groups, laid out in as many columns as `width` holds, each group kept whole.
    func helpColumns(width: Int) -> [StyledLine] {
        // Columns of at least 58: the keys in 18, the help wrapped beside them.
        let columns = max(1, width / 58)
        let columnWidth = columns == 1 ? width : width / columns
        let keysWidth = 3 + (ActionTable.entries.map { DisplayWidth.of(keymap.keys(for: $0.action).map(\.name).joined(separator: " ")) }.max() ?? 14)
        var blocks: [[StyledLine]] = []
        var group = ""
        for entry in ActionTable.entries {
            if entry.group != group {
                group = entry.group
                blocks.append([StyledLine(group, .header)])
            }
            let keys = keymap.keys(for: entry.action).map(\.name).joined(separator: " ")
            let padded = "  " + keys + String(repeating: " ", count: max(1, keysWidth - 2 - DisplayWidth.of(keys)))
            let help = Wrap.lines(entry.help, width: max(10, columnWidth - DisplayWidth.of(padded) - 2))
            for (k, part) in help.enumerated() {
                let lead = k == 0 ? padded : String(repeating: " ", count: DisplayWidth.of(padded))
                blocks[blocks.count - 1].append(StyledLine([(lead, .starter), (part, .normal)]))
            }
        }
        let stacks = App.columns(blocks, count: columns)
        var out: [StyledLine] = [StyledLine("Weft keys (any key closes; j/k scroll; : runs an action by name)", .header), StyledLine()]
        for row in 0..<(stacks.map(\.count).max() ?? 0) {
            var spans: [(text: String, role: Role)] = []
            for (c, stack) in stacks.enumerated() where row < stack.count {
                let used = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
                let pad = c * columnWidth - used
                if pad > 0 { spans.append((String(repeating: " ", count: pad), .normal)) }
                spans += stack[row].spans
            }
            out.append(StyledLine(spans))
        }
        return out
    }

    /// Blocks split into `count` runs, in order, with the longest run as short as it can be.
    static func columns(_ blocks: [[StyledLine]], count: Int) -> [[StyledLine]] {
        let sizes = blocks.map(\.count)
        let n = sizes.count
        let k = max(1, min(count, n))
        // Lines of blocks i..<j in one column, with a blank line between blocks.
        func height(_ i: Int, _ j: Int) -> Int { sizes[i..<j].reduce(0, +) + max(0, j - i - 1) }
        // best[c][j]: the tallest column when the first j blocks fill c columns; cut[c][j]: where the last begins.
        var best = Array(repeating: Array(repeating: Int.max, count: n + 1), count: k + 1)
        var cut = Array(repeating: Array(repeating: 0, count: n + 1), count: k + 1)
        best[0][0] = 0
        for c in 1...k {
            for j in c...n {
                for i in (c - 1)..<j where best[c - 1][i] != Int.max {
                    let tallest = max(best[c - 1][i], height(i, j))
                    if tallest < best[c][j] { best[c][j] = tallest; cut[c][j] = i }
                }
            }
        }
        var bounds: [Int] = [n]
        var j = n
        for c in stride(from: k, to: 0, by: -1) { j = cut[c][j]; bounds.insert(j, at: 0) }
        return (0..<k).map { c in
            var column: [StyledLine] = []
            for b in bounds[c]..<bounds[c + 1] {
                if !column.isEmpty { column.append(StyledLine()) }
                column += blocks[b]
            }
            return column
        }
    }
}
