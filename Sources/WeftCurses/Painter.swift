import CCurses
import WeftUI

/// Copies a grid to the screen, sending only the cells that changed since the last frame.
struct Painter {
    private var previous: Grid?
    private var pairs: ColorPairs
    private var styleCache: [Role: (Int32, Int32)] = [:]
    private var themeName = ""

    /// The locale cannot draw beyond ASCII (`LANG=C`): other characters are drawn as `?`.
    private let asciiOnly: Bool

    init(colors: Int, asciiOnly: Bool = false) {
        pairs = ColorPairs(colors: colors)
        self.asciiOnly = asciiOnly
    }

    /// What a cell shows on this terminal: itself, or `?` (one per column) where the locale cannot draw it.
    static func drawable(_ text: String, asciiOnly: Bool, columns: Int) -> String {
        guard asciiOnly, !text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else { return text }
        return String(repeating: "?", count: max(1, columns))
    }

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
                let wide = x + 1 < grid.width && grid[x + 1, y].text.isEmpty
                let text = Painter.drawable(cell.text, asciiOnly: asciiOnly, columns: wide ? 2 : 1)
                if text != cell.text {
                    // One `?` per column the character took, so the line keeps its layout.
                    var mark: [UInt32] = [0x3F]
                    for dx in 0..<text.count { _ = weft_put_cell(Int32(y), Int32(x + dx), &mark, 1, attrs, pair) }
                    continue
                }
                var n = 0
                for s in text.unicodeScalars where n < 8 {
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
