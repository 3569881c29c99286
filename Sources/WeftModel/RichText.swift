/// Running text with inline styles: emphasis, code, links and the like, as the author marked them.
///
/// The text is kept whole in ``plain`` (what search, quote matching and
/// reply inference read) and again as ``runs``, each run one stretch of text
/// in one style. A run's style is a set, so a link inside emphasis is both.
public struct RichText: Equatable, Sendable, ExpressibleByStringLiteral {
    /// The text without styles.
    public private(set) var plain: String
    /// The text in styled stretches; joined, they are ``plain``.
    public private(set) var runs: [Run]

    /// Plain text, one unstyled run.
    public init(_ plain: String) {
        self.plain = plain
        self.runs = plain.isEmpty ? [] : [Run(plain)]
    }

    /// Text made of runs; neighbouring runs of one style and link are joined.
    public init(runs: [Run]) {
        var joined: [Run] = []
        for run in runs where !run.text.isEmpty {
            if var last = joined.last, last.style == run.style, last.link == run.link, last.alternate == nil,
               run.alternate == nil {
                last.text += run.text
                joined[joined.count - 1] = last
            } else {
                joined.append(run)
            }
        }
        self.runs = joined
        self.plain = joined.map(\.text).joined()
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// Whether the text has any style at all.
    public var isStyled: Bool { runs.contains { !$0.style.isEmpty || $0.link != nil } }

    /// Checks that the runs spell the plain text and that no run is empty.
    public func checkInvariants() {
        precondition(runs.map(\.text).joined() == plain, "runs do not spell the plain text")
        precondition(!runs.contains { $0.text.isEmpty }, "an empty run")
    }
}

/// One stretch of ``RichText`` in one style.
public struct Run: Equatable, Sendable {
    /// The text as shown.
    public var text: String
    /// How the author marked it.
    public var style: InlineStyle
    /// The index of its target in the body's ``ParsedBody/links``, for a link or an image with a target.
    public var link: Int?
    /// What to show instead where the terminal cannot draw ``text`` (an emoji's `:name:`).
    public var alternate: String?

    /// Creates a run.
    public init(_ text: String, _ style: InlineStyle = [], link: Int? = nil, alternate: String? = nil) {
        self.text = text
        self.style = style
        self.link = link
        self.alternate = alternate
    }
}

/// The inline marks a run can carry; each has a theme role.
public struct InlineStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `*text*`, `<em>`, `[i]`.
    public static let emphasis = InlineStyle(rawValue: 1 << 0)
    /// `**text**`, `<strong>`, `[b]`.
    public static let strong = InlineStyle(rawValue: 1 << 1)
    /// `` `text` ``, `<code>`.
    public static let code = InlineStyle(rawValue: 1 << 2)
    /// `~~text~~`, `<del>`, `[s]`.
    public static let strike = InlineStyle(rawValue: 1 << 3)
    /// A link's text.
    public static let link = InlineStyle(rawValue: 1 << 4)
    /// An image or other media, shown as `[image: alt]`.
    public static let image = InlineStyle(rawValue: 1 << 5)
    /// `@name`, `u/name`.
    public static let mention = InlineStyle(rawValue: 1 << 6)
    /// Reddit `>!text!<`, Discourse `[spoiler]`.
    public static let spoiler = InlineStyle(rawValue: 1 << 7)
    /// Reddit `^word`, `<sup>`.
    public static let superscript = InlineStyle(rawValue: 1 << 8)
    /// An emoji from a `:shortcode:`.
    public static let emoji = InlineStyle(rawValue: 1 << 9)
    /// `[u]`, `<u>`.
    public static let underline = InlineStyle(rawValue: 1 << 10)
}
