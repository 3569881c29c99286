/// Word wrapping by display width.
enum Wrap {
    /// `text` wrapped to `width` columns; words longer than a line are cut.
    static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let source = raw.replacingOccurrences(of: "\t", with: "    ")
            if DisplayWidth.of(source) <= width {
                out.append(source)
                continue
            }
            var line = ""
            var lineWidth = 0
            // Whether a word (even an empty one, from a leading space) is on the line: a line that starts
            // with spaces keeps them, as a patch's context lines must.
            var started = false
            for word in source.split(separator: " ", omittingEmptySubsequences: false) {
                var w = Substring(word)
                var ww = DisplayWidth.of(w)
                let space = started ? 1 : 0
                if lineWidth + space + ww <= width {
                    if space == 1 { line += " " }
                    line += w
                    lineWidth += space + ww
                    started = true
                    continue
                }
                if !line.isEmpty { out.append(line) }
                line = ""
                lineWidth = 0
                while ww > width {
                    let (head, hw) = DisplayWidth.prefix(w, fitting: width)
                    if head.isEmpty { break }
                    out.append(String(head))
                    w = w[head.endIndex...]
                    ww -= hw
                }
                line = String(w)
                lineWidth = ww
                started = !line.isEmpty
            }
            out.append(line)
        }
        return out
    }
}

extension Wrap {
    /// A stretch of styled text to wrap: its text, role, and the link it shows.
    struct Piece {
        var text: String
        var role: Role
        var link: Int?
    }

    /// Styled text wrapped to `width` columns at spaces (and at its newlines), each line prefixed by `prefix`.
    ///
    /// Words keep their roles across the break; a word longer than a line is cut.
    static func styled(_ pieces: [Piece], width: Int, prefix: [(text: String, role: Role)] = []) -> [StyledLine] {
        let width = max(1, width)
        typealias Atom = (c: Character, width: Int, role: Role, link: Int?)
        var hardLines: [[Atom]] = [[]]
        for piece in pieces {
            for c in piece.text {
                if c == "\n" { hardLines.append([]); continue }
                let text = c == "\t" ? "    " : String(c)
                for t in text { hardLines[hardLines.count - 1].append((t, DisplayWidth.of(String(t)), piece.role, piece.link)) }
            }
        }
        func line(_ atoms: ArraySlice<Atom>) -> StyledLine {
            var out = StyledLine(prefix)
            for a in atoms {
                if let last = out.spans.last, out.spans.count > prefix.count, last.role == a.role,
                   out.links[out.spans.count - 1] == a.link {
                    out.spans[out.spans.count - 1].text.append(a.c)
                } else {
                    if let link = a.link { out.links[out.spans.count] = link }
                    out.spans.append((String(a.c), a.role))
                }
            }
            return out
        }
        var out: [StyledLine] = []
        for atoms in hardLines {
            let total = atoms.reduce(0) { $0 + $1.width }
            if total <= width { out.append(line(atoms[...])); continue }
            var start = 0
            while start < atoms.count {
                // Take as much as fits, then back up to the last space.
                var end = start, used = 0
                while end < atoms.count, used + atoms[end].width <= width { used += atoms[end].width; end += 1 }
                if end < atoms.count, atoms[end].c != " ",
                   let space = atoms[start..<end].lastIndex(where: { $0.c == " " }), space > start {
                    end = space
                }
                if end == start { end = start + 1 }
                var shown = atoms[start..<end]
                while shown.count > 1, shown.last?.c == " " { shown = shown.dropLast() }
                out.append(line(shown))
                start = end
                while start < atoms.count, atoms[start].c == " " { start += 1 }
            }
        }
        return out
    }

    /// A line cut (not wrapped) into chunks of `width` columns, for code and patches where every column counts.
    static func cut(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        let source = text.replacingOccurrences(of: "\t", with: "    ")
        guard DisplayWidth.of(source) > width else { return [source] }
        var out: [String] = []
        var rest = Substring(source)
        while !rest.isEmpty {
            let (head, _) = DisplayWidth.prefix(rest, fitting: width)
            if head.isEmpty { out.append(String(rest.prefix(1))); rest = rest.dropFirst(); continue }
            out.append(String(head))
            rest = rest[head.endIndex...]
        }
        return out
    }
}
