/// The post pane as a pane the selection moves in: its positions are the first lines it can show.
///
/// The scroll itself is kept with the open thread (it goes back to the top when the selected post
/// changes); this view knows how many lines the post has at the pane's width and how many show at once.
final class PostScroll: PaneView {
    private let open: OpenThread
    /// The post's lines as drawn, and how many show at once.
    private let lines: Int, page: Int

    init(open: OpenThread, lines: Int, page: Int) {
        self.open = open
        self.lines = lines
        self.page = page
    }

    var position: Int { open.postScroll }
    /// Positions from the top to where the last line is at the bottom.
    var positionCount: Int { max(0, lines - page) + 1 }

    func select(_ position: Int) {
        open.postScroll = max(0, min(position, positionCount - 1))
    }
}
