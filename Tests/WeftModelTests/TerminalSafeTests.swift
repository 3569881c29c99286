import Testing
@testable import WeftModel

struct TerminalSafeTests {
    static let cases: [(String, String, String)] = [
        ("OSC 52 clipboard write", "x\u{1B}]52;c;cm0gLXJmIH4=\u{07}y", "x^[]52;c;cm0gLXJmIH4=^Gy"),
        ("OSC 0 window title", "\u{1B}]0;pwned\u{1B}\\", "^[]0;pwned^[\\"),
        ("CSI cursor moves and erase", "a\u{1B}[2J\u{1B}[10;10Hb", "a^[[2J^[[10;10Hb"),
        ("8-bit CSI (C1)", "a\u{9B}31mb", "a<U+009B>31mb"),
        ("a name that reverses itself", "evil\u{202E}gnp.exe", "evil<U+202E>gnp.exe"),
        ("bidi isolates", "a\u{2066}b\u{2069}", "a<U+2066>b<U+2069>"),
        ("DEL and NUL", "a\u{7F}b\u{0}c", "a^?b^@c"),
        ("plain text and emoji pass", "héllo 漢字 🎉\tok", "héllo 漢字 🎉\tok"),
    ]

    @Test("controls are shown, not obeyed", arguments: cases)
    func cleans(name: String, input: String, expected: String) {
        #expect(TerminalSafe.clean(input) == expected, "\(name)")
    }

    @Test func newlinesAreKeptOnlyWhenAsked() {
        #expect(TerminalSafe.clean("a\nb") == "a\nb")
        #expect(TerminalSafe.clean("a\nb\r", keepNewlines: false) == "a^Jb^M")
    }
}
