import Testing
@testable import WeftUI

struct ThemeAndKeymapTests {
    @Test("bundled themes parse and name every role", arguments: ["default", "light", "mono", "high-contrast"])
    func bundledThemesParse(name: String) throws {
        let (theme, error) = ThemeLoader.load(name)
        #expect(error == nil)
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(RoleName.allCases))
        #expect(!theme.authorPalette.isEmpty)
    }

    static let broken: [(String, String)] = [
        ("[roles]\nselection = { fg = \"black\" }\nselecton = { fg = \"red\" }\n", "t.toml:3: unknown role \"selecton\""),
        ("name = \"x\"\ncolour = 3\n", "t.toml:2: unknown key \"colour\""),
        ("[roles]\nheader = { fg = \"purple\" }\n", "t.toml:2: header.fg: unknown colour"),
        ("[roles]\nheader = { blink = true }\n", "t.toml:2: header: unknown style key \"blink\""),
        ("[roles]\nheader = { bold = \"yes\" }\n", "t.toml:2: header.bold must be true or false"),
        ("[roles\nheader = {}\n", "t.toml:1: column 7: expected \"]\""),
        ("author-palette = [\"red\", 114, }\n", "t.toml:1: column 31: expected a value"),
        ("[*]\n", "t.toml:1: column 2: expected a key"),
        ("name = \"a\"\nname = \"b\"\n", "t.toml:2: column 1: key \"name\" is defined twice"),
        ("author-palette = [\"red\", 999]\n", "t.toml:1: author-palette has a colour it does not know"),
        ("# théme\nname = \"é\"\n[\u{FFFD}roles]\n", "t.toml:3: column 2: expected a key"),
        ("[roles]\nhéader = {}\n", "t.toml:2: column 2: expected \"=\""),
        ("name = \"x\u{0}\"\n", "t.toml:1: column 11: a control character inside a string"),
        ("name = \"x\"\n[*\u{0C}", "t.toml:2: column 2: expected a key"),
        ("author-palette = [\n  \"red\", # a comment\n  [1],]\n[ roles ]\n", "t.toml:1: author-palette has a colour it does not know"),
    ]

    @Test("broken themes name the line", arguments: broken)
    func brokenThemesNameTheLine(text: String, message: String) {
        do {
            _ = try ThemeParser.parse(text, file: "t.toml")
            Issue.record("accepted a broken theme")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test func aUserThemeOverridesOnlyWhatItNames() throws {
        let parsed = try ThemeParser.parse("[roles]\nheader = { fg = \"#ff0000\" }\n", file: "mine.toml")
        let theme = ThemeLoader.defaultTheme().overlaid(with: parsed.theme, paletteGiven: parsed.paletteGiven)
        #expect(theme.styles[.header]?.fg == .index(196))
        #expect(theme.styles[.selection] == ThemeLoader.defaultTheme().styles[.selection])
        #expect(theme.authorPalette == ThemeLoader.defaultTheme().authorPalette)
    }

    @Test func aMissingThemeFallsBackToDefaultWithAMessage() {
        let (theme, error) = ThemeLoader.load("/nonexistent/theme.toml")
        #expect(theme == ThemeLoader.defaultTheme())
        #expect(error?.contains("not found") == true)
    }

    @Test func coloursFallBackToTheEightBasicOnes() {
        #expect(Color.index(9).basic == .index(1))
        #expect(Color.index(208).basic == .index(1) || Color.index(208).basic == .index(3))
        #expect(Color.index(2).basic == .index(2))
        #expect(Color.terminalDefault.basic == .terminalDefault)
    }

    @Test func everyActionHasADefaultKeyThatTheParserReads() {
        let map = Keymap.standard
        for entry in ActionTable.entries {
            #expect(!map.keys(for: entry.action).isEmpty, "\(entry.name)")
        }
        #expect(map.action(for: .char("j")) == .moveDown)
        #expect(map.action(for: .ctrl("d")) == .halfPageDown)
        #expect(map.action(for: .backTab) == .focusPrevious)
        #expect(map.action(for: .char(" ")) == .readOn)
    }

    static let badBindings: [(String, String)] = [
        ("bind j no-such-action", "keys:1: unknown action \"no-such-action\" (the README's key table names every action)"),
        ("\n\nbind C-~ quit", "keys:3: unknown key \"C-~\""),
        ("bind j", "keys:1: expected: bind KEY ACTION"),
        ("map j quit", "keys:1: unknown statement \"map\" (bind, unbind)"),
    ]

    @Test("bad key bindings name the line", arguments: badBindings)
    func badBindingsNameTheLine(text: String, message: String) {
        var map = Keymap.standard
        #expect(map.apply(text, file: "keys").map(\.description) == [message])
    }

    @Test func everyBadLineIsReportedAndTheRestStillApplies() {
        var map = Keymap.standard
        let errors = map.apply("bind j nope\nbind J next-sibling\nfrob\nbind \\# toggle-read # the hash key\n# a comment", file: "k")
        #expect(errors.map(\.description) == [
            "k:1: unknown action \"nope\" (the README's key table names every action)",
            "k:3: unknown statement \"frob\" (bind, unbind)",
        ])
        #expect(map.action(for: .char("J")) == .nextSibling)
        #expect(map.action(for: .char("#")) == .toggleRead)
        #expect(map.action(for: .char("j")) == .moveDown)
    }

    @Test func userBindingsRebindAndUnbind() throws {
        var map = Keymap.standard
        #expect(map.apply("# mine\nbind J next-sibling\nunbind j\nbind ^N next-match", file: "keys").isEmpty)
        #expect(map.action(for: .char("J")) == .nextSibling)
        #expect(map.action(for: .char("j")) == nil)
        #expect(map.action(for: .ctrl("n")) == .nextMatch)
    }

    static let eightColourCases: [(Color, Int, Color, Bool)] = [
        (.index(8), 8, .terminalDefault, true),     // bright black: was black, invisible on a dark background
        (.index(240), 8, .terminalDefault, true),   // a dark grey likewise
        (.index(0), 8, .index(0), false),           // black asked for stays black
        (.index(9), 8, .index(1), false),           // bright red: red
        (.index(8), 16, .index(8), false),          // sixteen colours have bright black
        (.index(8), 256, .index(8), false),
    ]

    @Test("text on 8-colour terminals never falls to black", arguments: eightColourCases.indices)
    func textOnEightColourTerminalsNeverFallsToBlack(index: Int) {
        let (color, colors, expected, dim) = Self.eightColourCases[index]
        let got = color.foreground(colors: colors)
        #expect(got.color == expected && got.dim == dim)
    }
}
