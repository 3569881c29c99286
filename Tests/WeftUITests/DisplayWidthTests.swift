import Testing
@testable import WeftUI

struct DisplayWidthTests {
    static let widths: [(String, Int)] = [
        ("abc", 3), ("漢字", 4), ("한글", 4), ("🎉", 2), ("é", 1), ("e\u{301}", 1),
        ("👨‍👩‍👧", 2), ("❤️", 1), ("👍🏽", 2), ("\u{1B}[31m", 6), ("a\u{202E}b", 10), ("\u{85}", 8),
    ]

    @Test("text is measured as ncurses draws it", arguments: widths)
    func measures(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func controlsAndBidiOverridesBecomeVisibleText() {
        var grid = Grid(width: 30, height: 1)
        grid.put("\u{1B}]52;c;aGk=\u{7}x\u{202E}", x: 0, y: 0, role: .normal)
        #expect(grid.text == "^[]52;c;aGk=^Gx<U+202E>")
    }

    @Test func aWideCharacterNeverStraddlesTheEdge() {
        var grid = Grid(width: 5, height: 1)
        let end = grid.put("ab漢字", x: 0, y: 0, role: .normal)
        #expect(end == 5)
        #expect(grid.text == "ab漢")
        #expect(grid[3, 0].text.isEmpty)  // the right half of 漢
    }

    @Test func truncationEndsInAnEllipsisAtTheRightWidth() {
        #expect(DisplayWidth.truncate("漢字かなカナ", to: 7) == "漢字か…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("漢字かなカナ", to: 6)) <= 6)
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
    }

    @Test func wrappingCutsLongWordsAndKeepsWidths() {
        let lines = Wrap.lines("Fahrradfreilaufnabenknarzgeräusch is long 漢字漢字漢字", width: 10)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == "Fahrradfreilaufnabenknarzgeräuschislong漢字漢字漢字")
    }

    @Test(arguments: [
        (" context line of a patch that is longer than the pane", " context"),
        ("   indented code that goes on past the width of it", "   indented"),
        ("+added line that goes on and on past the width", "+added line"),
    ])
    func aWrappedLineKeepsItsLeadingSpaces(text: String, first: String) {
        let lines = Wrap.lines(text, width: 20)
        #expect(lines.count > 1)
        #expect(lines[0].hasPrefix(first), "\(lines)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
    }
}
