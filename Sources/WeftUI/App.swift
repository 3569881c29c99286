import Foundation
import WeftModel
import WeftStore

/// The browser's whole state, and what each action does to it.
///
/// `App` holds no terminal: a backend feeds it keys and sizes and draws
/// ``render()``'s grid. Everything it shows is a function of its fields, so
/// tests drive it key by key and snapshot the screen.
public final class App {
    /// How threads are ordered in the list.
    public enum SortOrder: String, CaseIterable, Sendable {
        case activity, started, title, size
    }

    /// What `n`/`N` step through: whichever was set last.
    enum MatchKind { case search, author }

    /// Something only the backend can do.
    public enum Effect: Equatable, Sendable {
        /// Open a URL in the user's browser.
        case openURL(String)
        /// Repaint every cell.
        case redraw
        /// The theme changed: colours must be set up again.
        case themeChanged
    }

    let source: ThreadSource
    /// Screen size.
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// "Now", for showing dates; fixed in tests.
    public var now: Date
    /// Draw the tree with ASCII instead of box characters.
    public var ascii: Bool
    /// The active theme.
    public internal(set) var theme: Theme
    var themeIndex = 0
    /// Key bindings.
    public var keymap: Keymap

    // The thread list.
    var summaries: [ThreadSummary] = []
    var listRows: [Int] = []
    var listSelection = 0
    var listTop = 0
    var sort: SortOrder = .activity
    var problems: [StoreProblem] = []
    /// Bumped whenever the list is rebuilt, so values derived from it know when to recount.
    var listGeneration = 0
    /// The author filter's post count, and what it was counted over (the status bar asks every frame).
    var authorCountCache: (key: String, count: Int)?
    /// Store-wide search results shown in place of the thread list, when set.
    var results: (query: String, hits: [SearchHit])?
    var resultSelection = 0
    var resultTop = 0

    // The open thread.
    var open: OpenThread?
    var focus: Pane = .list

    // Filters and search.
    var filter = PostFilter()
    var hideOthers = false
    var lastMatch: MatchKind = .search
    var searchQuery = ""
    var searchOrigin: (list: Int, tree: Int, scroll: Int)?

    // Prompt, help and messages.
    var prompt: Prompt?
    var helpTop: Int?
    var message: (text: String, isError: Bool)?
    var jumpHistory: [(thread: String, post: String)] = []
    var quoteCycle: (origin: Int, next: Int, landed: Int)?

    // Read state not yet saved.
    var pendingRead: [String: Set<String>] = [:]
    var pendingUnread: [String: Set<String>] = [:]
    var readStateWarned = false

    // Refreshing when idle.
    var lastChangeToken = ""
    var lastIdleCheck = Date.distantPast
    /// How often, at most, the store is checked for new threads while idle.
    public var idleRefreshInterval: TimeInterval = 2

    /// Set when the user has asked to quit.
    public internal(set) var wantsQuit = false

    /// Creates the browser on a source of threads.
    public init(source: ThreadSource, width: Int, height: Int, theme: Theme, keymap: Keymap = .standard,
                now: Date = Date(), ascii: Bool = false) {
        self.source = source
        self.width = width
        self.height = height
        self.theme = theme
        self.keymap = keymap
        self.now = now
        self.ascii = ascii
        if let i = ThemeLoader.bundledNames.firstIndex(of: theme.name) { themeIndex = i }
        lastChangeToken = source.changeToken()
        reloadSummaries()
    }

    /// The current layout.
    var layout: Layout { Layout.compute(width: width, height: height, focus: focus) }

    /// Follows a new terminal size.
    public func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        keepSelectionsInView()
    }

    /// Shows a message on the prompt line until the next key.
    public func say(_ text: String, error: Bool = false) {
        message = (text, error)
    }

    /// Starts with an author filter, as `weft --author NAME` does.
    public func setAuthorFilter(_ answer: String) {
        applyAuthorAnswer(answer)
    }

    /// Switches theme; used by `t` and by the backend when colour is unavailable.
    public func setTheme(_ theme: Theme) {
        self.theme = theme
    }

    /// Reads the thread list from the source again, keeping the selection on the same thread.
    func reloadSummaries() {
        let selectedID = listRows.indices.contains(listSelection) ? summaries[listRows[listSelection]].id : nil
        let listing = source.listSummaries()
        summaries = listing.summaries
        problems = listing.problems
        for (id, ids) in pendingRead { adjustUnread(thread: id, by: -ids.count) }
        rebuildList(keeping: selectedID)
        if !problems.isEmpty {
            let first = problems[0]
            say("\(problems.count) thread file(s) could not be read: \(first.path): \(first.reason)", error: true)
        }
    }

    /// Refilters and resorts the list, keeping `id` selected when it is still there.
    func rebuildList(keeping id: String?) {
        let f = PostFilter(authors: filter.authors, excludedAuthors: filter.excludedAuthors, unreadOnly: filter.unreadOnly)
        listRows = summaries.indices.filter { f.matches(summaries[$0]) }
        listGeneration += 1
        let s = summaries
        switch sort {
        case .activity: listRows.sort { App.later(s[$0].lastDate, s[$1].lastDate, s[$0].title, s[$1].title) }
        case .started: listRows.sort { App.later(s[$0].firstDate, s[$1].firstDate, s[$0].title, s[$1].title) }
        case .title: listRows.sort { s[$0].title.localizedStandardCompare(s[$1].title) == .orderedAscending }
        case .size: listRows.sort { s[$0].postCount != s[$1].postCount ? s[$0].postCount > s[$1].postCount : s[$0].title < s[$1].title }
        }
        if let id, let i = listRows.firstIndex(where: { summaries[$0].id == id }) { listSelection = i }
        listSelection = min(listSelection, max(0, listRows.count - 1))
        keepSelectionsInView()
    }

    /// Newest first; undated last, then by title.
    static func later(_ a: Date?, _ b: Date?, _ ta: String, _ tb: String) -> Bool {
        switch (a, b) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return ta.localizedStandardCompare(tb) == .orderedAscending
        }
    }

    /// The summary at the list selection.
    var selectedSummary: ThreadSummary? {
        listRows.indices.contains(listSelection) ? summaries[listRows[listSelection]] : nil
    }

    func adjustUnread(thread id: String, by delta: Int) {
        guard let i = summaries.firstIndex(where: { $0.id == id }) else { return }
        summaries[i].unreadCount = min(summaries[i].postCount, max(0, summaries[i].unreadCount + delta))
    }
}
