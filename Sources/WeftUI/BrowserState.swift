import Foundation
import WeftModel

/// How posts and threads are shown, as the reading keys toggle it for the session.
struct ReadingOptions: Equatable {
    /// `T`: threads show in time order rather than as reply trees.
    var timeOrder = false
    /// `Z`: signatures are hidden in every post.
    var hideSignatures = false
    /// `h`: a mail's header fields are shown above its body.
    var showHeaders = false
    /// `F`: hard-wrapped paragraphs are joined and wrapped to the pane (code, patches and indented text never are).
    var reflow = false
}

/// The in-pane search (`/`) and what `n` and `N` step through.
struct SearchState {
    /// What `n`/`N` step through: whichever was set last.
    enum MatchKind { case search, author }

    var lastMatch: MatchKind = .search
    /// The words searched for; highlighted where they show.
    var query = ""
    /// Where a search as you type started: the list and tree selections and the post's scroll.
    var origin: (list: Int, tree: Int, scroll: Int)?
    /// The match `n` and `N` step from in the post pane: the post, and the line as drawn.
    var postMatch: (post: PostIndex, line: Int)?
}

/// When the store was last checked for threads another process wrote.
struct IdleCheck {
    /// The source's change token when last checked.
    var changeToken = ""
    var lastCheck = Date.distantPast
    /// Whether the source has been asked to check its list against the files (once, when first idle).
    var sourceChecked = false
    /// How often, at most, the store is checked while idle.
    var interval: TimeInterval = 2
}
