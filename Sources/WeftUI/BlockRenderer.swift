import WeftModel

/// Turns a post's blocks into styled lines: quotes with bars, lists with bullets, code and patches cut
/// (never reflowed) with a marker where a line goes on, tables in columns, inline marks as roles.
struct BlockRenderer {
    let width: Int
    let unfold: Bool
    let ascii: Bool
    let unfoldKey: String
    let links: [Link]
    /// Whether hard-wrapped paragraphs are joined to wrap at the pane.
    let reflow: Bool
    /// Links whose whole address the text shows, so the list after the post need not show it again.
    var shownVerbatim: Set<Int> = []

    init(width: Int, unfold: Bool, ascii: Bool, unfoldKey: String, links: [Link], reflow: Bool = false) {
        self.reflow = reflow
        self.width = width
        self.unfold = unfold
        self.ascii = ascii
        self.unfoldKey = unfoldKey
        self.links = links
    }

    private var bar: String { ascii ? "| " : "┃ " }

    /// The lines of blocks at a quote level, each line after `indent` columns (inside a list item).
    /// What comes before each line at a quote level and list indent: the bars, then spaces.
    private func prefix(level: Int, indent: Int) -> [(text: String, role: Role)] {
        var prefix = PostView.barPrefix(level: level, width: width, bar: bar)
        if indent > 0 { prefix.append((String(repeating: " ", count: indent), .normal)) }
        return prefix
    }

    mutating func blocks(_ blocks: [Block], level: Int, indent: Int = 0) -> [StyledLine] {
        var out: [StyledLine] = []
        let prefix = self.prefix(level: level, indent: indent)
        let textRole: Role = level == 0 ? .normal : .quoteLevel(level)
        let inner = max(8, width - prefix.reduce(0) { $0 + DisplayWidth.of($1.text) })
        for (n, block) in blocks.enumerated() {
            if n > 0 { out.append(StyledLine(prefix)) }
            switch block {
            case .paragraph(let text):
                let shown = reflow && BlockRenderer.isHardWrapped(text.plain) ? BlockRenderer.joiningLines(text) : text
                out += Wrap.styled(pieces(shown, base: textRole), width: inner, prefix: prefix)
            case .heading(_, let text):
                out += Wrap.styled(pieces(text, base: .marked(.heading, on: textRole)), width: inner, prefix: prefix)
            case .code(let text):
                out += cutLines(text, prefix: prefix, inner: inner, indent: "  ") { _ in .marked(.code, on: textRole) }
            case .patch(let text):
                out += patchLines(text, prefix: prefix, inner: inner, textRole: textRole)
            case .rule:
                out.append(StyledLine(prefix + [(String(repeating: ascii ? "-" : "─", count: min(inner, 40)), .treeLines)]))
            case .list(let list):
                out += listLines(list, level: level, indent: indent, prefix: prefix)
            case .table(let table):
                out += tableLines(table, prefix: prefix, inner: inner, textRole: textRole)
            case .quote(let quote):
                out += quoteLines(quote, level: level, indent: indent)
            }
        }
        return out
    }

    private mutating func quoteLines(_ quote: Quote, level: Int, indent: Int) -> [StyledLine] {
        let quotePrefix = prefix(level: level + 1, indent: indent)
        let inner = max(8, width - quotePrefix.reduce(0) { $0 + DisplayWidth.of($1.text) })
        var lines: [StyledLine] = []
        if let attribution = quote.attribution {
            for line in Wrap.lines(attribution, width: inner) {
                lines.append(StyledLine(quotePrefix + [(line, Role.quoteLevel(level + 1))]))
            }
        }
        let content = blocks(quote.blocks, level: level + 1, indent: indent)
        if !unfold && content.count > PostView.foldThreshold {
            lines += content.prefix(PostView.foldKeep)
            lines.append(StyledLine(quotePrefix + [("[+\(content.count - PostView.foldKeep) lines] \(unfoldKey) unfolds", .dimmed)]))
        } else {
            lines += content
        }
        return lines
    }

    private mutating func listLines(_ list: ListBlock, level: Int, indent: Int,
                                    prefix: [(text: String, role: Role)]) -> [StyledLine] {
        var out: [StyledLine] = []
        let last = list.start + list.items.count - 1
        let hang = list.ordered ? "\(last). ".count : 2
        for (k, item) in list.items.enumerated() {
            var lines = blocks(item, level: level, indent: indent + hang)
            let bullet = list.ordered ? "\(list.start + k)." : (ascii ? "-" : "•")
            let marker = bullet.padding(toLength: hang, withPad: " ", startingAt: 0)
            if lines.isEmpty { lines = [StyledLine(prefix + [(marker, .normal)])] }
            // The item's first line: its hanging indent becomes the bullet.
            let slot = prefix.count
            if lines[0].spans.indices.contains(slot) {
                lines[0].spans[slot].text = String(repeating: " ", count: indent) + marker
            }
            out += lines
        }
        return out
    }

    private mutating func tableLines(_ table: TableBlock, prefix: [(text: String, role: Role)], inner: Int,
                                     textRole: Role) -> [StyledLine] {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        var widths = Array(repeating: 0, count: columns)
        for row in [table.header] + table.rows {
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(cell.plain)) }
        }
        let separator = ascii ? " | " : " │ "
        guard widths.reduce(0, +) + separator.count * max(0, columns - 1) <= inner else {
            // Too wide for the pane: each row as "header: value" lines.
            var out: [StyledLine] = []
            for (r, row) in table.rows.enumerated() {
                if r > 0 { out.append(StyledLine(prefix)) }
                for (c, cell) in row.enumerated() {
                    let head = c < table.header.count ? table.header[c].plain + ": " : ""
                    out += Wrap.styled([Wrap.Piece(text: head, role: .marked(.strong, on: textRole))] + pieces(cell, base: textRole),
                                       width: inner, prefix: prefix)
                }
            }
            return out
        }
        func row(_ cells: [RichText], base: Role) -> StyledLine {
            var spans = prefix
            var links: [Int: Int] = [:]
            for c in 0..<columns {
                if c > 0 { spans.append((separator, .treeLines)) }
                let cell = c < cells.count ? cells[c] : RichText("")
                for piece in pieces(cell, base: base) where !piece.text.contains("\n") {
                    if let link = piece.link { links[spans.count] = link }
                    spans.append((piece.text, piece.role))
                }
                let pad = widths[c] - DisplayWidth.of(cell.plain)
                if pad > 0, c < columns - 1 { spans.append((String(repeating: " ", count: pad), base)) }
            }
            var line = StyledLine(spans)
            line.links = links
            return line
        }
        var out = [row(table.header, base: .marked(.strong, on: textRole))]
        let rule = widths.map { String(repeating: ascii ? "-" : "─", count: $0) }.joined(separator: ascii ? "-+-" : "─┼─")
        out.append(StyledLine(prefix + [(rule, .treeLines)]))
        for cells in table.rows { out.append(row(cells, base: textRole)) }
        return out
    }

    /// Lines of code or a patch: cut at the width, never reflowed, a marker where a line goes on.
    private func cutLines(_ text: String, prefix: [(text: String, role: Role)], inner: Int, indent: String,
                          role: (Substring) -> Role) -> [StyledLine] {
        var out: [StyledLine] = []
        let marker = indent.isEmpty ? "+" : "+" + String(repeating: " ", count: indent.count - 1)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let r = role(line)
            for (k, chunk) in Wrap.cut(String(line), width: max(1, inner - max(indent.count, 1))).enumerated() {
                let lead: (text: String, role: Role) = k == 0 ? (indent, r) : (marker, .marked(.wrapMarker, on: .normal))
                out.append(StyledLine(prefix + (lead.text.isEmpty ? [] : [lead]) + [(chunk, r)]))
            }
        }
        return out
    }

    private func patchLines(_ text: String, prefix: [(text: String, role: Role)], inner: Int, textRole: Role) -> [StyledLine] {
        var out: [StyledLine] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let role = BlockRenderer.diffRole(line, on: textRole)
            // Trailing white space on an added line is what a reviewer must see.
            var body = line, trailing: Substring = ""
            if line.hasPrefix("+"), !line.hasPrefix("+++"), let end = line.lastIndex(where: { $0 != " " && $0 != "\t" }),
               line.index(after: end) < line.endIndex {
                body = line[...end]
                trailing = line[line.index(after: end)...]
            }
            var lines = cutLines(String(body), prefix: prefix, inner: inner, indent: "") { _ in role }
            if !trailing.isEmpty, !lines.isEmpty {
                lines[lines.count - 1].spans.append((trailing.replacingOccurrences(of: "\t", with: "    "),
                                                     .marked(.trailingSpace, on: role)))
            }
            out += lines
        }
        return out
    }

    /// Whether a paragraph's lines were broken by a mailer at a fixed width (not by the author, as a list or
    /// a poem is): two or more lines, the longest at least 40 columns, every line but the last over half of it,
    /// none indented or opening a list item.
    static func isHardWrapped(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, let longest = lines.map(\.count).max(), longest >= 40 else { return false }
        for (k, line) in lines.enumerated() {
            if k < lines.count - 1, line.count * 2 < longest { return false }
            if let first = line.first, first == " " || first == "\t" || "-*•+".contains(first) { return false }
            if line.prefix(while: \.isNumber).count > 0, line.drop(while: \.isNumber).first == "." { return false }
        }
        return true
    }

    /// The text with its line breaks made spaces.
    static func joiningLines(_ text: RichText) -> RichText {
        RichText(runs: text.runs.map { run in
            var r = run
            r.text = r.text.replacingOccurrences(of: "\n", with: " ")
            return r
        })
    }

    /// The role of a patch line by its kind.
    static func diffRole(_ line: Substring, on base: Role) -> Role {
        if line.hasPrefix("+++ ") || line.hasPrefix("--- ") || line.hasPrefix("diff ") || line.hasPrefix("index ")
            || line.hasPrefix("Index: ") || line.hasPrefix("new file") || line.hasPrefix("deleted file") {
            return .marked(.diffFile, on: base)
        }
        if line.hasPrefix("@@") { return .marked(.diffHunk, on: base) }
        if line.hasPrefix("+") { return .marked(.diffAdded, on: base) }
        if line.hasPrefix("-") { return .marked(.diffRemoved, on: base) }
        return base
    }
}
