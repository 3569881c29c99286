import Testing
@testable import WeftCurses

/// Without a UTF-8 locale, what cannot be drawn is a `?` per column, never bytes the terminal garbles.
struct PainterTests {
    static let cases: [(String, Bool, Int, String)] = [
        ("a", true, 1, "a"),
        ("山", true, 2, "??"),
        ("é", true, 1, "?"),
        ("山", false, 2, "山"),
        ("é", false, 1, "é"),
    ]

    @Test("cells a C locale cannot draw become ?", arguments: cases.indices)
    func cellsACLocaleCannotDrawBecomeQuestionMarks(index: Int) {
        let (text, asciiOnly, columns, expected) = Self.cases[index]
        #expect(Painter.drawable(text, asciiOnly: asciiOnly, columns: columns) == expected)
    }
}
