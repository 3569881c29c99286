/// What a cell is, for the theme to colour: roles, never widgets.
public enum Role: Hashable, Sendable {
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

    /// The role for quote nesting `level` (1-based), capped at 4.
    public static func quoteLevel(_ level: Int) -> Role { .quote(min(max(level, 1), 4)) }
}
