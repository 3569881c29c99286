/// What a cell is, for the theme to colour: roles, never widgets.
public indirect enum Role: Hashable, Sendable {
    /// Ordinary text.
    case normal
    /// The selected row.
    case selection
    /// Tree lines (`├─`) and the rules between panes.
    case treeLines
    /// An author's name, coloured from the palette by a stable hash of the name.
    case author(Int)
    /// The thread starter's name or mark.
    case starter
    /// Quoted text and its bar, level 1 to 4 (deeper levels use 4).
    case quote(Int)
    /// Pane titles and the post header.
    case header
    /// The status bar.
    case status
    /// Text that matches the search.
    case searchMatch
    /// The unread mark.
    case unread
    /// Text that the author filter leaves out, kept for context.
    case dimmed
    /// Errors and warnings.
    case error
    /// Links.
    case link
    /// A mark laid over the role of the text around it: emphasis in a quote stays the quote's colour.
    case marked(Mark, on: Role)

    /// The role under every mark.
    public var base: Role {
        if case .marked(_, let inner) = self { return inner.base }
        return self
    }

    /// The marks laid over the base, outermost first.
    public var marks: [Mark] {
        if case .marked(let m, let inner) = self { return [m] + inner.marks }
        return []
    }

    /// The role for quote nesting `level` (1-based), capped at 4.
    public static func quoteLevel(_ level: Int) -> Role { .quote(min(max(level, 1), 4)) }
}

/// What inline text is, over the role of the text around it: a theme styles each, patching the colours and
/// attributes it names over those of the text it sits in.
public enum Mark: String, Hashable, Sendable, CaseIterable {
    case emphasis, strong, code, strike, underline, image, mention, spoiler, superscript, emoji
    /// A link's text (a link's target in the list after a post has the ``Role/link`` role).
    case link
    /// The number after a link, for `l`.
    case linkNumber = "link-number"
    case heading
    /// A patch's lines.
    case diffAdded = "diff-added", diffRemoved = "diff-removed", diffHunk = "diff-hunk", diffFile = "diff-file"
    /// The marker where a long line of code or a patch goes on on the next line.
    case wrapMarker = "wrap-marker"
    /// White space at the end of a patch line.
    case trailingSpace = "trailing-space"
    /// A mail's header lines and a reply's own subject.
    case mailHeader = "mail-header"
    /// A signature, under `-- `.
    case signature
}
