/// A line of text in parts, each part in its own role.
public struct StyledLine: Equatable, Sendable {
    /// The parts, left to right.
    public var spans: [(text: String, role: Role)]

    public init(_ spans: [(text: String, role: Role)] = []) { self.spans = spans }

    /// A line of one part.
    public init(_ text: String, _ role: Role) { self.spans = [(text, role)] }

    public static func == (a: StyledLine, b: StyledLine) -> Bool {
        a.spans.map(\.text) == b.spans.map(\.text) && a.spans.map(\.role) == b.spans.map(\.role)
    }

    /// The line's text.
    public var text: String { spans.map(\.text).joined() }

    /// Draws the line into a grid row, clipped to `limit`.
    func draw(into grid: inout Grid, x: Int, y: Int, limit: Int, override: Role? = nil) {
        var col = x
        for span in spans where col < limit {
            col = grid.put(span.text, x: col, y: y, role: override ?? span.role, limit: limit)
        }
    }

    /// The line with every case-insensitive occurrence of `query` in the search-match role.
    func highlighting(_ query: String) -> StyledLine {
        guard !query.isEmpty else { return self }
        var out: [(String, Role)] = []
        for span in spans {
            var rest = Substring(span.text)
            while let r = rest.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) {
                if r.lowerBound > rest.startIndex { out.append((String(rest[..<r.lowerBound]), span.role)) }
                out.append((String(rest[r]), .searchMatch))
                rest = rest[r.upperBound...]
            }
            if !rest.isEmpty { out.append((String(rest), span.role)) }
        }
        return StyledLine(out.map { (text: $0.0, role: $0.1) })
    }
}

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
