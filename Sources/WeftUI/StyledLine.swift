/// A line of text in parts, each part in its own role.
public struct StyledLine: Equatable, Sendable {
    /// The parts, left to right.
    public var spans: [(text: String, role: Role)]
    /// The link (an index into the post's links) each span shows, by span index, for a mouse click.
    public var links: [Int: Int] = [:]

    public init(_ spans: [(text: String, role: Role)] = []) { self.spans = spans }

    /// A line of one part.
    public init(_ text: String, _ role: Role) { self.spans = [(text, role)] }

    public static func == (a: StyledLine, b: StyledLine) -> Bool {
        a.spans.map(\.text) == b.spans.map(\.text) && a.spans.map(\.role) == b.spans.map(\.role) && a.links == b.links
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
        var links: [Int: Int] = [:]
        for (k, span) in spans.enumerated() {
            var rest = Substring(span.text)
            func keep(_ text: String, _ role: Role) {
                if let link = self.links[k] { links[out.count] = link }
                out.append((text, role))
            }
            while let r = rest.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) {
                if r.lowerBound > rest.startIndex { keep(String(rest[..<r.lowerBound]), span.role) }
                keep(String(rest[r]), .searchMatch)
                rest = rest[r.upperBound...]
            }
            if !rest.isEmpty { keep(String(rest), span.role) }
        }
        var line = StyledLine(out.map { (text: $0.0, role: $0.1) })
        line.links = links
        return line
    }
}

