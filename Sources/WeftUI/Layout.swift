/// Where each pane goes for a terminal size.
///
/// - 120 columns or more: the thread list on the left, the reply tree top
///   right, the post pane bottom right.
/// - Narrower: the thread list alone, or the tree above the post, by focus.
/// - Below 40x10: nothing but a "terminal too small" notice.
/// The last two rows are always the status bar and the prompt line. Each
/// pane's first row is its title.
public struct Layout: Equatable, Sendable {
    /// The smallest size that is drawn.
    public static let minWidth = 40, minHeight = 10
    /// From this width on, all three panes show side by side.
    public static let wideWidth = 120

    public var list: Rect?
    public var tree: Rect?
    public var post: Rect?
    /// Vertical rule between the list and the right side, if any.
    public var verticalRule: Rect?
    /// Horizontal rule between the tree and the post, if any.
    public var horizontalRule: Rect?
    public var status: Rect
    public var prompt: Rect
    /// Set when the terminal is too small to draw anything else.
    public var tooSmall: Bool

    /// How the user has arranged the panes.
    public struct Options: Equatable, Sendable {
        /// The thread list's share of the width in the three-pane layout, in percent.
        public var listPercent = 40
        /// The post pane has the whole screen (`f`).
        public var zoomed = false
        /// The range ``listPercent`` is kept in.
        public static let listPercents = 20...70

        public init(listPercent: Int = 40, zoomed: Bool = false) {
            self.listPercent = listPercent
            self.zoomed = zoomed
        }
    }

    /// The layout for a size, given which pane has the focus.
    public static func compute(width: Int, height: Int, focus: Pane, options: Options = Options()) -> Layout {
        let status = Rect(x: 0, y: height - 2, width: width, height: 1)
        let prompt = Rect(x: 0, y: height - 1, width: width, height: 1)
        var layout = Layout(status: status, prompt: prompt, tooSmall: false)
        guard width >= minWidth, height >= minHeight else {
            layout.tooSmall = true
            return layout
        }
        let bodyHeight = height - 2
        if options.zoomed && focus != .list {
            layout.post = Rect(x: 0, y: 0, width: width, height: bodyHeight)
            return layout
        }
        let right: Rect
        if width >= wideWidth {
            let percent = min(max(options.listPercent, Options.listPercents.lowerBound), Options.listPercents.upperBound)
            let listWidth = min(width - 41, max(30, width * percent / 100))
            layout.list = Rect(x: 0, y: 0, width: listWidth, height: bodyHeight)
            layout.verticalRule = Rect(x: listWidth, y: 0, width: 1, height: bodyHeight)
            right = Rect(x: listWidth + 1, y: 0, width: width - listWidth - 1, height: bodyHeight)
        } else if focus == .list {
            layout.list = Rect(x: 0, y: 0, width: width, height: bodyHeight)
            return layout
        } else {
            right = Rect(x: 0, y: 0, width: width, height: bodyHeight)
        }
        let treeHeight = max(4, right.height * 2 / 5)
        layout.tree = Rect(x: right.x, y: 0, width: right.width, height: treeHeight)
        layout.horizontalRule = Rect(x: right.x, y: treeHeight, width: right.width, height: 1)
        layout.post = Rect(x: right.x, y: treeHeight + 1, width: right.width, height: right.height - treeHeight - 1)
        return layout
    }
}

/// The three panes.
public enum Pane: Int, CaseIterable, Sendable {
    case list, tree, post
}
