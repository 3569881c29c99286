import Foundation
import WeftModel

/// Lays out one post's body as styled lines for a given width.
///
/// Quotes are blocks with one bar per nesting level, in that level's
/// role, headed by their attribution line. A quote longer than
/// ``foldThreshold`` lines shows its first ``foldKeep`` lines and a
/// "[+N lines]" line until `z` unfolds the post. A signature follows the body,
/// dimmed, under a `-- ` line (`Z` hides them all). Links are listed at the end,
/// numbered for `l`.
enum PostView {
    static let foldThreshold = 6
    static let foldKeep = 4

    /// The post's lines (cached on the open thread for the last key asked).
    static func lines(_ o: OpenThread, post: Int, width: Int, query: String, ascii: Bool,
                      signatures: Bool = true, unfoldKey: String = "z") -> [StyledLine] {
        let key = "\(post)|\(width)|\(o.unfolded.contains(post))|\(query)|\(ascii)|\(signatures)|\(unfoldKey)"
        if let cached = o.linesCache, cached.key == key { return cached.lines }
        let body = o.parsed(post)
        let unfold = o.unfolded.contains(post)
        var out = blockLines(body.blocks, level: 0, width: width, unfold: unfold, ascii: ascii, unfoldKey: unfoldKey)
        let cut = o.truncatedBytes(post)
        if cut > 0 {
            out.append(StyledLine())
            let note = "[\(cut) more bytes of this post are not shown; weft show or weft export prints all of it]"
            for line in Wrap.lines(note, width: width) { out.append(StyledLine(line, .error)) }
        }
        if signatures, let signature = o.thread.posts[post].signature {
            out.append(StyledLine())
            out.append(StyledLine("-- ", .dimmed))
            for paragraph in TerminalSafe.clean(signature).split(separator: "\n", omittingEmptySubsequences: false) {
                for line in Wrap.lines(String(paragraph), width: width) { out.append(StyledLine(line, .dimmed)) }
            }
        }
        if !body.links.isEmpty {
            out.append(StyledLine())
            for (n, link) in body.links.enumerated() {
                let label = "[\(n + 1)] "
                let text = link.text.map { "\($0): " } ?? ""
                for (k, line) in Wrap.lines(text + link.url, width: max(1, width - label.count)).enumerated() {
                    out.append(StyledLine([(k == 0 ? label : String(repeating: " ", count: label.count), .normal),
                                           (line, .link)]))
                }
            }
        }
        if !query.isEmpty { out = out.map { $0.highlighting(query) } }
        o.linesCache = (key, out)
        return out
    }

    /// The bars before a line at a quote level: one per level, or, past what the
    /// width allows, one bar and the level as a number (`┃[32] `), so deep quotes never run off the pane.
    static func barPrefix(level: Int, width: Int, bar: String) -> [(text: String, role: Role)] {
        let maxBars = max(2, (width / 2 - 8) / 2)
        if level <= maxBars { return (0..<level).map { (bar, Role.quoteLevel($0 + 1)) } }
        return [(bar.trimmingCharacters(in: .whitespaces) + "[\(level)] ", Role.quoteLevel(level))]
    }

    private static func blockLines(_ blocks: [Block], level: Int, width: Int, unfold: Bool, ascii: Bool,
                                   unfoldKey: String) -> [StyledLine] {
        var out: [StyledLine] = []
        let bar = ascii ? "| " : "┃ "
        let prefix = barPrefix(level: level, width: width, bar: bar)
        let textRole: Role = level == 0 ? .normal : .quoteLevel(level)
        let inner = max(8, width - prefix.reduce(0) { $0 + DisplayWidth.of($1.text) })
        for (n, block) in blocks.enumerated() {
            if n > 0 { out.append(StyledLine(prefix)) }
            switch block {
            case .paragraph(let text):
                for line in Wrap.lines(text, width: inner) { out.append(StyledLine(prefix + [(line, textRole)])) }
            case .code(let text):
                for line in Wrap.lines(text, width: max(1, inner - 2)) { out.append(StyledLine(prefix + [("  " + line, .dimmed)])) }
            case .quote(let quote):
                let quotePrefix = barPrefix(level: level + 1, width: width, bar: bar)
                var lines: [StyledLine] = []
                if let attribution = quote.attribution {
                    for line in Wrap.lines(attribution, width: max(8, inner - 2)) {
                        lines.append(StyledLine(quotePrefix + [(line, Role.quoteLevel(level + 1))]))
                    }
                }
                let content = blockLines(quote.blocks, level: level + 1, width: width, unfold: unfold, ascii: ascii,
                                         unfoldKey: unfoldKey)
                if !unfold && content.count > foldThreshold {
                    lines += content.prefix(foldKeep)
                    lines.append(StyledLine(quotePrefix + [("[+\(content.count - foldKeep) lines] \(unfoldKey) unfolds", .dimmed)]))
                } else {
                    lines += content
                }
                out += lines
            }
        }
        return out
    }
}
