import CCmarkGFM
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
        var walker = Walker(flavor: flavor)
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

/// Walks cmark's tree into blocks, numbering links as it goes.
struct Walker {
    let flavor: MarkdownParser.Flavor
    var links = LinkTable()

    init(flavor: MarkdownParser.Flavor) { self.flavor = flavor }

    /// Splits out BBCode quotes (which cmark does not know), parsing the text between as Markdown.
    mutating func segments(_ text: Substring, depth: Int) -> [Block] {
        var out: [Block] = []
        for segment in BBCode.segments(in: text, enabled: depth < MarkdownParser.maxDepth) {
            switch segment {
            case .text(let t):
                out += markdown(MarkdownParser.markSpoilers(t), depth: depth)
            case .quote(let tag, let inner):
                out.append(.quote(Quote(style: .bbcode, attribution: tag.author.map { "\($0) wrote:" }, author: tag.author,
                                        postNumber: tag.postNumber, topicID: tag.topicID,
                                        blocks: segments(inner, depth: depth + 1))))
            }
        }
        return out
    }

    /// Parses one stretch of Markdown.
    mutating func markdown(_ text: String, depth: Int) -> [Block] {
        guard !text.isEmpty else { return [] }
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [.plain(text)] }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        text.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return [.plain(text)] }
        defer { cmark_node_free(document) }
        return children(document, depth: depth)
    }

    /// The blocks of a container's children; a paragraph that ends "… wrote:" heads the quote after it.
    mutating func children(_ node: OpaquePointer, depth: Int) -> [Block] {
        var out: [Block] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            for block in self.block(c, depth: depth) {
                if case .quote(var quote) = block, quote.attribution == nil, case .paragraph(let last)? = out.last,
                   let line = last.plain.split(separator: "\n").last, Attribution.isAttribution(line) {
                    let rest = last.plain.split(separator: "\n", omittingEmptySubsequences: false).dropLast().joined(separator: "\n")
                    out.removeLast()
                    if !rest.trimmed.isEmpty { out.append(.plain(rest)) }
                    quote.attribution = String(line.trimmed)
                    quote.author = Attribution.author(in: String(line))
                    out.append(.quote(quote))
                } else {
                    out.append(block)
                }
            }
            child = cmark_node_next(c)
        }
        return out
    }

    /// One block node as model blocks (none for what shows nothing).
    mutating func block(_ node: OpaquePointer, depth: Int) -> [Block] {
        let type = String(cString: cmark_node_get_type_string(node))
        if depth >= MarkdownParser.maxDepth, type == "block_quote" || type == "list" {
            let text = Walker.plainText(node)
            return text.isEmpty ? [] : [.plain(text)]
        }
        switch type {
        case "paragraph":
            let text = inlines(node)
            return text.plain.trimmed.isEmpty ? [] : [.paragraph(text)]
        case "heading":
            return [.heading(Int(cmark_node_get_heading_level(node)), inlines(node))]
        case "block_quote":
            return [.quote(Quote(style: .prefixed, blocks: children(node, depth: depth + 1)))]
        case "list":
            var items: [[Block]] = []
            var item = cmark_node_first_child(node)
            while let i = item {
                items.append(children(i, depth: depth + 1))
                item = cmark_node_next(i)
            }
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            return [.list(ListBlock(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items))]
        case "code_block":
            var code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if code.hasSuffix("\n") { code.removeLast() }
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) }?.trimmed.lowercased() ?? ""
            return [info == "diff" || info == "patch" ? .patch(code) : .code(code)]
        case "html_block":
            let text = HTMLTags.text(cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
            return text.trimmed.isEmpty ? [] : [.plain(text)]
        case "thematic_break":
            return [.rule]
        case "table":
            var rows: [[RichText]] = []
            var row = cmark_node_first_child(node)
            while let r = row {
                var cells: [RichText] = []
                var cell = cmark_node_first_child(r)
                while let c = cell {
                    cells.append(inlines(c))
                    cell = cmark_node_next(c)
                }
                rows.append(cells)
                row = cmark_node_next(r)
            }
            guard let header = rows.first else { return [] }
            return [.table(TableBlock(header: header, rows: Array(rows.dropFirst())))]
        default:
            return children(node, depth: depth)
        }
    }

    /// The text of a subtree, without marks (for what is nested too deep).
    static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        guard let iter = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iter) }
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            let n = cmark_iter_get_node(iter)!
            guard cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER else { continue }
            let type = String(cString: cmark_node_get_type_string(n))
            if type == "text" || type == "code" || type == "code_block" {
                out += cmark_node_get_literal(n).map { String(cString: $0) } ?? ""
            } else if type == "softbreak" || type == "linebreak" || type == "paragraph" && !out.isEmpty {
                out += "\n"
            }
        }
        return out
    }
}
