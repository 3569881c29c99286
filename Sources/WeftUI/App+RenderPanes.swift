import Foundation
import WeftModel

extension App {
    func drawTree(_ grid: inout Grid, _ r: Rect) {
        guard let o = open else {
            drawTitle(&grid, r, "Replies", pane: .tree)
            grid.put("\(keyName(.open)) opens the selected thread.", x: r.x + 1, y: r.y + 1, role: .dimmed, limit: r.maxX)
            return
        }
        o.draw(&grid, r, paneContext(.tree))
    }

    func drawPost(_ grid: inout Grid, _ r: Rect) {
        guard let pane = postPane else {
            drawTitle(&grid, r, "Post", pane: .post)
            return
        }
        pane.draw(&grid, r, paneContext(.post))
    }
}
