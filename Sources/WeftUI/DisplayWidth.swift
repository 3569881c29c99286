import CWidth
import WeftModel

/// Measures and cleans text the way ncursesw will draw it.
///
/// ncursesw advances the cursor by the sum of each scalar's `wcwidth`, while
/// terminals draw some multi-scalar clusters in fewer columns. So that the
/// grid and the terminal always agree, every grapheme cluster is reduced to
/// what both count alike:
/// - the first scalar is kept, with its `wcwidth` (CJK and most emoji: 2);
/// - combining marks (`wcwidth` 0) after it are kept;
/// - a zero-width joiner ends the cluster: a ZWJ family emoji shows its first
///   person only; variation selectors and skin-tone modifiers are dropped;
/// - a scalar the C library does not know (`wcwidth` -1, such as Unicode 15
///   emoji on glibc 2.36) is shown as U+FFFD;
/// - C0 and C1 controls and DEL are shown as `^X` or `<U+0085>`, and bidi
///   overrides as `<U+202E>`, so nothing in a post can act as a terminal
///   control or reorder the screen.
public enum DisplayWidth {
    /// One drawable piece of text and the columns it takes.
    public struct Glyph: Equatable, Sendable {
        /// What to draw.
        public var text: String
        /// Columns taken: 1 or 2 (or more for a visible control such as `<U+202E>`).
        public var width: Int
    }

    /// The columns a scalar takes, as the C library says, or -1 when it is not printable.
    public static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v >= 0x20 && v < 0x7F { return 1 }
        return Int(weft_wcwidth(v))
    }

    /// How one grapheme cluster is drawn; controls become several glyphs of visible text.
    public static func glyphs(_ c: Character) -> [Glyph] {
        let scalars = c.unicodeScalars
        let first = scalars.first!
        let v = first.value
        if v < 0x20 || v == 0x7F {
            let caret = v == 0x7F ? "?" : String(Unicode.Scalar(UInt8(v) + 0x40))
            return [Glyph(text: "^", width: 1), Glyph(text: caret, width: 1)]
        }
        if (0x80...0x9F).contains(v) || TerminalSafe.isBidiControl(v) {
            return TerminalSafe.visible(first).map { Glyph(text: String($0), width: 1) }
        }
        let w = scalarWidth(first)
        if w < 0 { return [Glyph(text: "\u{FFFD}", width: 1)] }
        if w == 0 {
            // A lone combining mark or zero-width scalar: draw nothing rather than merge into the neighbour.
            return []
        }
        var text = String(first)
        for s in scalars.dropFirst() {
            if s.value == 0x200D { break }
            if isVariationSelector(s.value) || (0x1F3FB...0x1F3FF).contains(s.value) { continue }
            if scalarWidth(s) == 0 && s.properties.generalCategory.isCombiningMark { text.unicodeScalars.append(s) }
            else { break }
        }
        return [Glyph(text: text, width: w)]
    }

    /// The width of a string as drawn.
    public static func of<S: StringProtocol>(_ s: S) -> Int {
        var total = 0
        for c in s {
            if let a = c.asciiValue, a >= 0x20, a < 0x7F { total += 1; continue }
            for g in glyphs(c) { total += g.width }
        }
        return total
    }

    /// The longest prefix of `s` that fits in `width` columns, and its width.
    public static func prefix(_ s: Substring, fitting width: Int) -> (Substring, Int) {
        var used = 0
        var end = s.startIndex
        for i in s.indices {
            let w = of(String(s[i]))
            if used + w > width { break }
            used += w
            end = s.index(after: i)
        }
        return (s[s.startIndex..<end], used)
    }

    /// The mark of cut text: "…", or "~" with `--ascii` (one column either way, so layouts do not move).
    static func ellipsis(ascii: Bool) -> String { ascii ? "~" : "…" }

    /// `s` cut to `width` columns, ending in `ellipsis` (one column: "…", or "~" with `--ascii`) when it was cut.
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let (head, _) = prefix(s[...], fitting: width - 1)
        return head + ellipsis
    }

    private static func isVariationSelector(_ v: UInt32) -> Bool {
        (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v)
    }
}

extension Unicode.GeneralCategory {
    var isCombiningMark: Bool {
        self == .nonspacingMark || self == .enclosingMark || self == .spacingMark
    }
}
