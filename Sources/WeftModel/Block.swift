/// A piece of a post's body, as the post pane draws it.
public indirect enum Block: Equatable, Sendable {
    /// Running text; lines inside it are kept as written.
    case paragraph(String)
    /// A passage quoted from elsewhere, with blocks of its own (which may quote again).
    case quote(Quote)
    /// Preformatted text from a fenced or `[code]` block.
    case code(String)
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
        blocks.compactMap { block -> String? in
            switch block {
            case .paragraph(let text), .code(let text): return text
            case .quote: return nil
            }
        }.joined(separator: "\n\n")
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
