/// Makes text from strangers safe to print to a terminal.
///
/// C0 and C1 control characters and DEL become visible caret or `<U+…>`
/// forms (`ESC` prints as `^[`), and bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C) become
/// `<U+202E>`, so no post, title, name or file name can move the cursor, set
/// the window title, write the clipboard (OSC 52) or reorder what follows it.
/// Newlines are kept when asked (for bodies), tabs always.
public enum TerminalSafe {
    /// The text with every control shown instead of obeyed.
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: needsCare) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\t" || (keepNewlines && s == "\n") || !needsCare(s) {
                out.append(s)
            } else if s.value < 0x20 || s.value == 0x7F {
                out.append("^")
                out.append(s.value == 0x7F ? "?" : Unicode.Scalar(UInt8(s.value + 0x40)))
            } else {
                out.append(contentsOf: visible(s).unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether a scalar must not reach the terminal as it is.
    public static func needsCare(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || isBidiControl(v)
    }

    /// Whether a scalar reorders text: embeddings, overrides, isolates and directional marks.
    public static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// `<U+202E>`.
    public static func visible(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
