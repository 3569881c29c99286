import Foundation
import WeftModel

/// Parses Markdown into the model's blocks and inline runs with GitHub's cmark (tables, strike-through,
/// autolinks), plus what Discourse and Reddit add on top.
///
/// - Discourse `[quote="name, post:N, topic:T"]` becomes a quote linked to its post, as in plain text.
/// - `![name|690x207](upload://…)` becomes `[image: name]`; an `upload://` target is not a link.
/// - `:emoji:` shortcodes become the emoji (``Emoji``), keeping `:name:` for terminals that cannot draw it.
/// - Reddit `^word` and `^(some words)` are superscript; `>!text!<` and Discourse `[spoiler]` are spoilers.
/// - `@name` (and Reddit's `u/name`, `r/name`) are mentions.
///
/// Every link target is numbered once, in reading order, in ``ParsedBody/links``.
public enum MarkdownParser {
    /// How line breaks inside a paragraph are read.
    public enum Flavor: Sendable {
        /// CommonMark (Reddit): a single newline is a space.
        case commonMark
        /// Discourse, and text derived from HTML: a single newline is a line break.
        case newlinesBreak
    }

    /// Quotes and lists nested deeper than this are read as text.
    public static let maxDepth = 32

    /// Parses a Markdown body.
    public static func parse(_ markdown: String, flavor: Flavor) -> ParsedBody {
        let text = markdown.contains("\r") ? markdown.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n") : markdown
        var walker = MarkdownWalker(flavor: flavor)
        let blocks = BodyParser.groupingQuotationMarks(walker.segments(Substring(text), depth: 0))
        return ParsedBody(blocks: blocks, links: walker.links.links)
    }

    /// Marks a spoiler's start and end through cmark (private-use characters no text contains).
    static let spoilerOpen: Character = "\u{E000}"
    static let spoilerClose: Character = "\u{E001}"

    /// The text with `>!…!<` and `[spoiler]…[/spoiler]` turned into the spoiler marks.
    static func markSpoilers(_ text: Substring) -> String {
        guard text.contains(">!") || text.range(of: "[spoiler]", options: .caseInsensitive) != nil else { return String(text) }
        var s = String(text)
        for (open, close) in [(">!", "!<"), ("[spoiler]", "[/spoiler]")] {
            var out = ""
            var rest = Substring(s)
            // Reddit's inline spoiler stays within a paragraph; Discourse's [spoiler] may hold several, each marked.
            let spans = open == "[spoiler]"
            while let a = rest.range(of: open, options: .caseInsensitive),
                  let b = rest[a.upperBound...].range(of: close, options: .caseInsensitive),
                  spans || !rest[a.upperBound..<b.lowerBound].contains("\n\n") {
                out += rest[..<a.lowerBound]
                out.append(spoilerOpen)
                let inner = rest[a.upperBound..<b.lowerBound].trimmingCharacters(in: .newlines)
                out += inner.replacingOccurrences(of: "\n\n", with: "\(spoilerClose)\n\n\(spoilerOpen)")
                out.append(spoilerClose)
                rest = rest[b.upperBound...]
            }
            s = out + rest
        }
        return s
    }
}
