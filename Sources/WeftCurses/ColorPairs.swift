import CCurses
import WeftUI

/// Turns theme styles into ncurses attributes and colour pairs, allocating pairs as needed.
struct ColorPairs {
    /// How many colours the terminal has: 0 for none.
    let colors: Int
    private var pairs: [Int32: Int32] = [:]  // (fg+1)<<16 | (bg+1) -> pair
    private var next: Int32 = 1

    init(colors: Int) { self.colors = colors }

    /// The attributes and pair for a style.
    mutating func attributes(for style: Style) -> (attrs: Int32, pair: Int32) {
        var attrs: Int32 = 0
        if style.bold { attrs |= Int32(weft_a_bold()) }
        if style.dim { attrs |= Int32(weft_a_dim()) }
        if style.underline { attrs |= Int32(weft_a_underline()) }
        if style.reverse { attrs |= Int32(weft_a_reverse()) }
        if style.italic { attrs |= Int32(weft_a_italic()) }
        guard colors > 0 else { return (attrs, 0) }
        let (foreground, dimmed) = style.fg.foreground(colors: colors)
        if dimmed { attrs |= Int32(weft_a_dim()) }
        let fg = number(foreground), bg = number(style.bg)
        if fg == -1 && bg == -1 { return (attrs, 0) }
        let key = (fg + 1) << 16 | (bg + 1)
        if let p = pairs[key] { return (attrs, p) }
        guard next < Int32(min(weft_color_pairs(), 32767)) else { return (attrs, 0) }
        let p = next
        next += 1
        init_pair(Int16(p), Int16(fg), Int16(bg))
        pairs[key] = p
        return (attrs, p)
    }

    /// The ncurses colour number for a colour on this terminal (-1 for the default).
    private func number(_ c: Color) -> Int32 {
        let usable = colors >= 256 ? c : c.basic
        switch usable {
        case .terminalDefault: return -1
        case .index(let i): return Int32(i < colors ? i : (i % 8))
        }
    }
}
