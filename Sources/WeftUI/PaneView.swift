import Foundation
import WeftModel

/// A pane the selection moves in: the thread list, the search results, the reply tree, the post.
///
/// Each pane owns its positions (threads, hits, visible tree rows, scroll lines), so the
/// browser moves whichever has the focus through this one interface (see ``App/focusedView``).
protocol PaneView: AnyObject {
    /// The selected position.
    var position: Int { get }
    /// How many positions there are.
    var positionCount: Int { get }
    /// Selects a position, clamped to those there are.
    func select(_ position: Int)
}

extension PaneView {
    /// Moves the selection by `delta` positions, clamped.
    func move(by delta: Int) { select(position + delta) }
}

/// What a pane's drawing reads from the browser besides its own state.
struct PaneContext {
    /// Draw with ASCII instead of box characters and symbols.
    let ascii: Bool
    /// Whether the pane being drawn has the focus.
    let focused: Bool
    /// The in-pane search, highlighted where it matches.
    let query: String
    /// "Now", and the zone dates are shown in.
    let now: Date
    let zone: TimeZone
    /// The key bindings, for the keys hints name.
    let keymap: Keymap

    /// The first key bound to an action, as hints name it; `:name` when none is bound.
    func keyName(_ action: Action) -> String { App.keyName(action, in: keymap) }

    /// The mark of cut text (see ``DisplayWidth/ellipsis(ascii:)``).
    var ellipsis: String { DisplayWidth.ellipsis(ascii: ascii) }

    /// `s` cut to `width` columns with this screen's ellipsis.
    func fit(_ s: String, _ width: Int) -> String {
        DisplayWidth.truncate(s, to: width, ellipsis: ellipsis)
    }

    /// A pane's title row, marked when the pane has the focus.
    func drawTitle(_ grid: inout Grid, _ r: Rect, _ left: String, right: String = "") {
        grid.fill(Rect(x: r.x, y: r.y, width: r.width, height: 1), role: .header)
        let mark = focused ? (ascii ? ">" : "▶") : " "
        let rightWidth = DisplayWidth.of(right)
        grid.put(fit(mark + left, max(0, r.width - rightWidth - 3)), x: r.x, y: r.y, role: .header)
        if rightWidth > 0 && rightWidth < r.width { grid.put(right, x: r.maxX - rightWidth - 1, y: r.y, role: .header) }
    }
}
