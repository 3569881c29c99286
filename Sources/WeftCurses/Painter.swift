import CCurses
import WeftUI

/// Copies a grid to the screen, sending only the cells that changed since the last frame.
struct Painter {
    private var previous: Grid?
    private var pairs: ColorPairs
    private var styleCache: [Role: (Int32, Int32)] = [:]
    private var themeName = ""

    init(colors: Int) { pairs = ColorPairs(colors: colors) }

    /// Forgets the last frame, so the next draw repaints everything.
    mutating func invalidate() {
        previous = nil
    }

    mutating func draw(_ grid: Grid, theme: Theme) {
        if theme.name != themeName {
            styleCache = [:]
            themeName = theme.name
            previous = nil
        }
        let full = previous == nil || previous!.width != grid.width || previous!.height != grid.height
        if full { werase(weft_stdscr()) }
        var scalars = [UInt32](repeating: 0, count: 8)
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if !full, let old = previous, old[x, y] == cell { continue }
                if cell.text.isEmpty { continue }  // the right half of a wide character
                let (attrs, pair) = style(cell.role, theme)
                var n = 0
                for s in cell.text.unicodeScalars where n < 8 {
                    scalars[n] = s.value
                    n += 1
                }
                _ = weft_put_cell(Int32(y), Int32(x), &scalars, Int32(n), attrs, pair)
            }
        }
        previous = grid
        wnoutrefresh(weft_stdscr())
        doupdate()
    }

    private mutating func style(_ role: Role, _ theme: Theme) -> (Int32, Int32) {
        if let s = styleCache[role] { return s }
        let s = pairs.attributes(for: theme.style(for: role))
        styleCache[role] = s
        return s
    }
}
