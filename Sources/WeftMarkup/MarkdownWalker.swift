import CCmarkGFM
import Foundation
import WeftModel

/// Walks cmark's tree into blocks, numbering links as it goes.
struct MarkdownWalker {
    let flavor: MarkdownParser.Flavor
    var links = LinkTable()

    init(flavor: MarkdownParser.Flavor) { self.flavor = flavor }

    /// GitHub's extensions, registered once: registering is not thread-safe, and posts are parsed on
    /// several threads at once (a Swift global's initializer runs exactly once, whoever asks first).
    static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Held while cmark parses. Attaching an extension to a parser adds its characters (`~` for
    /// strike-through) to a table cmark keeps for the whole process, and freeing the parser takes
    /// them out again: two parsers on two threads lost each other's strike-through. One at a time.
    static let cmarkLock = NSLock()

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
        _ = MarkdownWalker.extensionsRegistered
        MarkdownWalker.cmarkLock.lock()
        defer { MarkdownWalker.cmarkLock.unlock() }
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
            let text = MarkdownWalker.plainText(node)
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
