/// The single table of user actions: names, default keys and help text.
///
/// As in tig, the default key bindings are generated from this table as
/// binding-file text and read by the same parser as the user's own file,
/// and the help screen is generated from it too.
public enum ActionTable {
    /// Every action, in help-screen order.
    public static let entries: [ActionInfo] = [
        ActionInfo(action: .moveDown, name: "move-down", keys: "j Down", help: "Next item in the focused pane", group: "Move"),
        ActionInfo(action: .moveUp, name: "move-up", keys: "k Up", help: "Previous item in the focused pane", group: "Move"),
        ActionInfo(action: .first, name: "first", keys: "g Home", help: "First item", group: "Move"),
        ActionInfo(action: .last, name: "last", keys: "G End", help: "Last item", group: "Move"),
        ActionInfo(action: .pageDown, name: "page-down", keys: "PgDn", help: "Page down", group: "Move"),
        ActionInfo(action: .pageUp, name: "page-up", keys: "PgUp", help: "Page up", group: "Move"),
        ActionInfo(action: .halfPageDown, name: "half-page-down", keys: "C-d", help: "Half a page down", group: "Move"),
        ActionInfo(action: .halfPageUp, name: "half-page-up", keys: "C-u", help: "Half a page up", group: "Move"),
        ActionInfo(action: .open, name: "open", keys: "Enter Right", help: "Open the selected thread or post", group: "Move"),
        ActionInfo(action: .focusNext, name: "focus-next", keys: "Tab", help: "Focus the next pane", group: "Move"),
        ActionInfo(action: .focusPrevious, name: "focus-previous", keys: "S-Tab", help: "Focus the previous pane", group: "Move"),
        ActionInfo(action: .readOn, name: "read-on", keys: "Space", help: "Page down; at the post's end, the next", group: "Read"),
        ActionInfo(action: .postPageUp, name: "post-page-up", keys: "b", help: "Page up the post", group: "Read"),
        ActionInfo(action: .parent, name: "parent", keys: "u", help: "Go to the post this one answers", group: "Read"),
        ActionInfo(action: .previousSibling, name: "previous-sibling", keys: "[", help: "Previous reply to the same post", group: "Read"),
        ActionInfo(action: .nextSibling, name: "next-sibling", keys: "]", help: "Next reply to the same post", group: "Read"),
        ActionInfo(action: .quoteSource, name: "quote-source", keys: "s", help: "Go to a quote's source; again follows on", group: "Read"),
        ActionInfo(action: .jumpBack, name: "jump-back", keys: "Backspace C-o", help: "Go back along the jump history", group: "Read"),
        ActionInfo(action: .toggleCollapse, name: "toggle-collapse", keys: "x", help: "Collapse or expand the subtree", group: "Read"),
        ActionInfo(action: .toggleQuoteFold, name: "toggle-quote-fold", keys: "z", help: "Unfold or fold long quotes in the post", group: "Read"),
        ActionInfo(action: .openLink, name: "open-link", keys: "l", help: "Open a link of the post in $BROWSER", group: "Read"),
        ActionInfo(action: .toggleSignatures, name: "toggle-signatures", keys: "Z", help: "Hide or show the signatures under posts", group: "Read"),
        ActionInfo(action: .toggleHeaders, name: "toggle-headers", keys: "h", help: "Show or hide a mail's headers", group: "Read"),
        ActionInfo(action: .toggleReflow, name: "toggle-reflow", keys: "F", help: "Reflow hard-wrapped text to the pane", group: "Read"),
        ActionInfo(action: .toggleRead, name: "toggle-read", keys: "r", help: "Post (in the list: thread) read or unread", group: "Read"),
        ActionInfo(action: .nextUnread, name: "next-unread", keys: ".", help: "Next unread post (on to later threads)", group: "Unread"),
        ActionInfo(action: .previousUnread, name: "previous-unread", keys: ",", help: "Previous unread post", group: "Unread"),
        ActionInfo(action: .nextUnreadThread, name: "next-unread-thread", keys: ">", help: "Next thread with unread posts", group: "Unread"),
        ActionInfo(action: .previousUnreadThread, name: "previous-unread-thread", keys: "<", help: "Previous thread with unread posts", group: "Unread"),
        ActionInfo(action: .catchUpThread, name: "catchup", keys: "c", help: "Mark the whole thread read (catch up)", group: "Unread"),
        ActionInfo(action: .catchUpAll, name: "catchup-all", keys: "C", help: "Mark all listed threads read (asks)", group: "Unread"),
        ActionInfo(action: .filterAuthor, name: "author", keys: "a", help: "Filter by author (a,b; !x excludes)", group: "Filter"),
        ActionInfo(action: .filterCurrentAuthor, name: "filter-current-author", keys: "A", help: "Filter by the current post's author", group: "Filter"),
        ActionInfo(action: .toggleHideOthers, name: "toggle-hide-others", keys: "H", help: "Hide posts the filter leaves out", group: "Filter"),
        ActionInfo(action: .toggleUnreadOnly, name: "toggle-unread-only", keys: "U", help: "Show only unread threads or posts", group: "Filter"),
        ActionInfo(action: .search, name: "search", keys: "/", help: "Search the focused pane as you type", group: "Filter"),
        ActionInfo(action: .searchStore, name: "search-store", keys: "S", help: "Search every post in the store", group: "Filter"),
        ActionInfo(action: .nextMatch, name: "next-match", keys: "n", help: "Next match of the search or author filter", group: "Filter"),
        ActionInfo(action: .previousMatch, name: "previous-match", keys: "N", help: "Previous match", group: "Filter"),
        ActionInfo(action: .savePost, name: "save", keys: "w", help: "Save the post (.md, .mbox, .json)", group: "Save"),
        ActionInfo(action: .saveThread, name: "save-thread", keys: "W", help: "Save the whole thread", group: "Save"),
        ActionInfo(action: .pipePost, name: "pipe", keys: "|", help: "Pipe the post's text to a shell command", group: "Save"),
        ActionInfo(action: .copyPost, name: "copy", keys: "y", help: "Copy the post's text to the clipboard", group: "Save"),
        ActionInfo(action: .copyLink, name: "copy-link", keys: "Y", help: "Copy the post's first link (else its id)", group: "Save"),
        ActionInfo(action: .cycleSort, name: "sort", keys: "o", help: "Sort by activity, start, title, size", group: "View"),
        ActionInfo(action: .zoom, name: "zoom", keys: "f", help: "Give the post the whole screen, and back", group: "View"),
        ActionInfo(action: .growList, name: "grow-list", keys: "+", help: "More room for the thread list", group: "View"),
        ActionInfo(action: .shrinkList, name: "shrink-list", keys: "-", help: "Less room for the thread list", group: "View"),
        ActionInfo(action: .command, name: "command", keys: ":", help: "Run an action by name (:sort start)", group: "View"),
        ActionInfo(action: .toggleTimeOrder, name: "toggle-time-order", keys: "T", help: "Time order, or the reply tree", group: "View"),
        ActionInfo(action: .cycleTheme, name: "theme", keys: "t", help: "Next theme (:theme NAME picks one)", group: "View"),
        ActionInfo(action: .reload, name: "reload", keys: "R", help: "Reload the store, checking every file", group: "View"),
        ActionInfo(action: .redraw, name: "redraw", keys: "C-l", help: "Redraw the screen", group: "View"),
        ActionInfo(action: .help, name: "help", keys: "? F1", help: "Show this help", group: "View"),
        ActionInfo(action: .back, name: "back", keys: "q Left", help: "Go back a pane; in the thread list, quit", group: "View"),
        ActionInfo(action: .quit, name: "quit", keys: "C-c Q", help: "Quit from anywhere", group: "View"),
    ]

    /// The entry for an action.
    public static func info(_ action: Action) -> ActionInfo {
        entries.first { $0.action == action }!
    }

    /// The default bindings as binding-file text: one `bind KEY ACTION` line per key.
    public static var defaultBindings: String {
        entries.flatMap { entry in
            entry.keys.split(separator: " ").map { "bind \($0) \(entry.name)" }
        }.joined(separator: "\n")
    }
}
