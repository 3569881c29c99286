/// Everything a user can do. Each has one entry in ``ActionTable``.
public enum Action: String, CaseIterable, Sendable {
    case moveDown, moveUp, first, last, pageDown, pageUp, halfPageDown, halfPageUp
    case open, focusNext, focusPrevious, readOn, postPageUp
    case parent, previousSibling, nextSibling, quoteSource, jumpBack, toggleCollapse
    case filterAuthor, filterCurrentAuthor, toggleHideOthers, search, nextMatch, previousMatch
    case toggleUnreadOnly, toggleRead, cycleSort, toggleQuoteFold, openLink, searchStore
    case cycleTheme, reload, redraw, help, back, quit, toggleTimeOrder, toggleSignatures, toggleHeaders, toggleReflow
    case nextUnread, previousUnread, nextUnreadThread, previousUnreadThread, catchUpThread, catchUpAll
    case savePost, saveThread, pipePost, copyPost, copyLink, zoom, growList, shrinkList, command
}

/// One row of the action table: the action, its config name, default keys and help text.
public struct ActionInfo: Sendable {
    /// The action.
    public var action: Action
    /// Its name in key binding files ("move-down").
    public var name: String
    /// Its default keys, as binding files write them, separated by spaces.
    public var keys: String
    /// What it does, for the help screen.
    public var help: String
    /// The help screen's group.
    public var group: String
}
