import Foundation
import WeftModel

/// Lays out one post's body as styled lines for a given width.
///
/// Quotes are blocks with one bar per nesting level, in that level's
/// role, headed by their attribution line. A quote longer than
/// ``foldThreshold`` lines shows its first ``foldKeep`` lines and a
/// "[+N lines]" line until `z` unfolds the post (which also shows its spoilers). A signature follows the
/// body, dimmed, under a `-- ` line (`Z` hides them all). Links are shown where the author wrote them,
/// numbered for `l` when there are several; targets the text does not show are listed at the end, once each.
enum PostView {
    static let foldThreshold = 6
    static let foldKeep = 4

    /// The post's lines (cached on the open thread for the last key asked).
    static func lines(_ o: OpenThread, post: PostIndex, width: Int, query: String, ascii: Bool,
                      signatures: Bool = true, unfoldKey: String = "z", headers: Bool = false,
                      reflow: Bool = false) -> [StyledLine] {
        let key = "\(post)|\(width)|\(o.unfolded.contains(post))|\(query)|\(ascii)|\(signatures)|\(unfoldKey)|\(headers)|\(reflow)"
        if let cached = o.linesCache, cached.key == key { return cached.lines }
        let body = o.parsed(post)
        var renderer = BlockRenderer(width: width, unfold: o.unfolded.contains(post), ascii: ascii, unfoldKey: unfoldKey,
                                     links: body.links, reflow: reflow)
        var out: [StyledLine] = []
        if headers {
            out += MailHeaderView.lines(o.thread.posts[post], thread: o.thread, width: width)
            out.append(StyledLine())
        }
        out += renderer.blocks(body.blocks, level: 0)
        let cut = o.truncatedBytes(post)
        if cut > 0 {
            out.append(StyledLine())
            let note = "[\(cut) more bytes of this post are not shown; weft show or weft export prints all of it]"
            for line in Wrap.lines(note, width: width) { out.append(StyledLine(line, .error)) }
        }
        if signatures, let signature = o.thread.posts[post].signature.map({ RichText(TerminalSafe.clean($0)) }) ?? body.signature {
            out.append(StyledLine())
            out.append(StyledLine("-- ", .dimmed))
            out += Wrap.styled(renderer.pieces(signature, base: .dimmed), width: width)
        }
        let listed = body.links.indices.filter { !renderer.shownVerbatim.contains($0) }
        if !listed.isEmpty {
            out.append(StyledLine())
            for n in listed {
                let link = body.links[n]
                let label = "[\(n + 1)] "
                let text = link.text.map { "\($0): " } ?? ""
                for (k, line) in Wrap.lines(text + link.url, width: max(1, width - label.count)).enumerated() {
                    var styled = StyledLine([(k == 0 ? label : String(repeating: " ", count: label.count), .normal), (line, .link)])
                    styled.links[1] = n
                    out.append(styled)
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
}
