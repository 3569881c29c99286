/// A piece of a post's body, as the post pane draws it.
public indirect enum Block: Equatable, Sendable {
    /// Running text; lines inside it are kept as written.
    case paragraph(RichText)
    /// A passage quoted from elsewhere, with blocks of its own (which may quote again).
    case quote(Quote)
    /// Preformatted text from a fenced or `[code]` block; never reflowed.
    case code(String)
    /// A patch (unified diff), from mail or a ```` ```diff ```` fence; never reflowed, coloured by line kind.
    case patch(String)
    /// A heading, level 1 to 6.
    case heading(Int, RichText)
    /// A bulleted or numbered list.
    case list(ListBlock)
    /// A thematic break (`---`, `<hr>`).
    case rule
    /// A table: a header row and body rows of cells.
    case table(TableBlock)

    /// The block's own text when it is text (paragraph, code, patch, heading); nil for the others.
    public var text: String? {
        switch self {
        case .paragraph(let t), .heading(_, let t): return t.plain
        case .code(let s), .patch(let s): return s
        case .list(let l): return l.items.map { $0.compactMap(\.text).joined(separator: "\n") }.joined(separator: "\n")
        case .table(let t): return ([t.header] + t.rows).map { $0.map(\.plain).joined(separator: " | ") }.joined(separator: "\n")
        case .quote, .rule: return nil
        }
    }

    /// A paragraph of plain text.
    public static func plain(_ text: String) -> Block { .paragraph(RichText(text)) }
}

/// A list's items, each a run of blocks.
public struct ListBlock: Equatable, Sendable {
    /// Numbered (from ``start``) rather than bulleted.
    public var ordered: Bool
    /// The first item's number.
    public var start: Int
    /// The items.
    public var items: [[Block]]

    public init(ordered: Bool, start: Int = 1, items: [[Block]]) {
        self.ordered = ordered
        self.start = start
        self.items = items
    }
}

/// A table's cells.
public struct TableBlock: Equatable, Sendable {
    /// The header row.
    public var header: [RichText]
    /// The body rows.
    public var rows: [[RichText]]

    public init(header: [RichText], rows: [[RichText]]) {
        self.header = header
        self.rows = rows
    }
}
/// A quoted passage and what is known of where it came from.
public struct Quote: Equatable, Sendable {
    /// How the quote was written in the source.
    public enum Style: String, Equatable, Sendable {
        /// `> ` line prefixes, as in mail and Markdown blockquotes.
        case prefixed
        /// `[quote]`, `[quote="name"]` or Discourse `[quote="name, post:N, topic:T"]`.
        case bbcode
        /// A paragraph (or run of paragraphs) wholly inside quotation marks.
        case quotationMarks
    }

    /// How the quote was written.
    public var style: Style
    /// The attribution line as written ("On Mon, Ann wrote:"), or one made from BBCode ("Ann wrote:").
    public var attribution: String?
    /// The quoted author's name, when the attribution gives one.
    public var author: String?
    /// The quoted post's number in its thread (Discourse `post:N`), when given.
    public var postNumber: Int?
    /// The quoted topic's id (Discourse `topic:T`), when given.
    public var topicID: Int?
    /// The quoted content.
    public var blocks: [Block]

    /// Creates a quote.
    public init(
        style: Style, attribution: String? = nil, author: String? = nil,
        postNumber: Int? = nil, topicID: Int? = nil, blocks: [Block]
    ) {
        self.style = style
        self.attribution = attribution
        self.author = author
        self.postNumber = postNumber
        self.topicID = topicID
        self.blocks = blocks
    }

    /// The quote's own text (its paragraphs and code, not its nested quotes), joined by blank lines.
    public var ownText: String {
        blocks.compactMap(\.text).joined(separator: "\n\n")
    }
}

/// A link found in a post's body.
public struct Link: Equatable, Sendable {
    /// The URL as written.
    public var url: String
    /// The link's text when it differs from the URL (Markdown `[text](url)`).
    public var text: String?

    /// Creates a link.
    public init(url: String, text: String? = nil) {
        self.url = url
        self.text = text
    }
}

/// A post body split into blocks, with its links.
public struct ParsedBody: Equatable, Sendable {
    /// The top-level blocks.
    public var blocks: [Block]
    /// Every link in the body, in order of appearance, without repeats.
    public var links: [Link]
    /// A mail signature found at the body's end, under a `-- ` line (shown dimmed, hidden with `Z`).
    public var signature: RichText?

    /// Creates a parsed body.
    public init(blocks: [Block], links: [Link]) {
        self.blocks = blocks
        self.links = links
    }

    /// Every quote in the body in reading order (pre-order), with its nesting level (1 = outermost).
    public var quotes: [(level: Int, quote: Quote)] {
        var result: [(Int, Quote)] = []
        var stack: [(Int, ArraySlice<Block>)] = [(1, blocks[...])]
        while let (level, remaining) = stack.popLast() {
            var rest = remaining
            guard let block = rest.popFirst() else { continue }
            stack.append((level, rest))
            if case .quote(let quote) = block {
                result.append((level, quote))
                stack.append((level + 1, quote.blocks[...]))
            }
        }
        return result
    }
}
