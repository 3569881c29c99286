import Foundation
import WeftModel

/// The browser's whole state, and what each action does to it.
///
/// `App` holds no terminal: a backend feeds it keys and sizes and draws
/// ``render()``'s grid. Everything it shows is a function of its fields, so
/// tests drive it key by key and snapshot the screen.
public final class App {
    /// How threads are ordered in the list.
    public typealias SortOrder = ThreadQuery.Order

    /// Something only the backend can do.
    public enum Effect: Equatable, Sendable {
        /// Open a URL in the user's browser.
        case openURL(String)
        /// Repaint every cell.
        case redraw
        /// Run a shell command with `input` on its standard input, the screen set aside until it ends.
        case pipe(command: String, input: String)
        /// Put text on the terminal's clipboard (OSC 52).
        case copy(String)
    }

    /// Writes threads to a file, the format chosen by the path's extension; set by the wiring.
    public var saver: (([ForumThread], String) throws -> Void)?
    /// Parses a post's body for display, by its format; the wiring gives the one with a Markdown parser.
    public var bodyReader: BodyReader = { body, _ in BodyParser.parseRich(body) }
    /// The last command `|` piped to, offered again.
    var lastPipeCommand = ""

    let source: ThreadSource
    /// Screen size.
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// "Now", for showing dates; fixed in tests.
    public var now: Date
    /// The zone dates are shown in: UTC unless the wiring gives the local one (`TZ`).
    public var timeZone: TimeZone = DateText.utc
    /// Draw the tree with ASCII instead of box characters.
    public var ascii: Bool
    /// The active theme.
    public internal(set) var theme: Theme
    var themeIndex = 0
    /// Key bindings.
    public var keymap: Keymap

    /// The thread list pane.
    let threadList: ThreadListView
    /// Store-wide search results shown in place of the thread list, when set.
    var results: ResultsView?
    /// Every read mark, saved or not.
    let marks: ReadMarks
    /// The author filter's post count, and what it was counted over (the status bar asks every frame).
    var authorCountCache: (key: String, count: Int)?

    /// The list's share and the zoom (`+`, `-`, `f`).
    public var layoutOptions = Layout.Options()

    // The open thread.
    var open: OpenThread?
    /// The thread and post last read, kept when the thread is closed (remembered between runs).
    var lastPlace: BrowserMemory.Place?
    var focus: Pane = .list

    // Filters and search.
    var filter = PostFilter()
    var hideOthers = false
    /// How posts and threads are shown (`T`, `Z`, `h`, `F`), for the session.
    var options = ReadingOptions()
    /// The in-pane search, and what `n` steps through.
    var search = SearchState()

    // Prompt, help and messages.
    var prompt: Prompt?
    /// A full-screen page over the panes (the help, or notes), and how far it is scrolled.
    var page: (kind: PageKind, top: Int)?
    var message: (text: String, isError: Bool)?
    var jumpHistory: [(thread: String, post: String)] = []
    var quoteCycle: (origin: PostIndex, next: Int, landed: PostIndex)?

    /// How long a post must be shown to count as read; 0 marks it at once.
    public var readDelay: TimeInterval {
        get { marks.delay }
        set { marks.delay = newValue }
    }
    /// The time, for read marks; fixed in tests.
    public var clock: @Sendable () -> Date = { Date() }

    /// When the store was last checked for new threads while idle.
    var idleCheck = IdleCheck()
    /// How often, at most, the store is checked for new threads while idle.
    public var idleRefreshInterval: TimeInterval {
        get { idleCheck.interval }
        set { idleCheck.interval = newValue }
    }

    /// Set when the user has asked to quit.
    public internal(set) var wantsQuit = false

    /// Creates the browser on a source of threads.
    public init(source: ThreadSource, width: Int, height: Int, theme: Theme, keymap: Keymap = .standard,
                now: Date = Date(), ascii: Bool = false) {
        self.source = source
        let marks = ReadMarks(source: source)
        self.marks = marks
        self.threadList = ThreadListView(source: source, marks: marks)
        self.width = width
        self.height = height
        self.theme = theme
        self.keymap = keymap
        self.now = now
        self.ascii = ascii
        if let i = ThemeLoader.bundledNames.firstIndex(of: theme.name) { themeIndex = i }
        idleCheck.changeToken = source.changeToken()
        reloadSummaries()
    }

    /// The current layout.
    var layout: Layout { Layout.compute(width: width, height: height, focus: focus, options: layoutOptions) }

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
}
