import WeftConfig

/// Reads theme files, naming the line of any mistake.
///
/// ```toml
/// name = "default"
/// author-palette = ["cyan", "green", 208]
/// [roles]
/// selection = { fg = "black", bg = "cyan", bold = true }
/// ```
/// Colours are "default", the eight names ("red"…), "bright-" plus a name,
/// a number from 0 to 255, or "#rrggbb" (the nearest of the 256). Style keys
/// are fg, bg, bold, dim, underline, reverse and italic. Unknown keys and
/// roles are errors, so a typo is reported rather than silently ignored.
/// The bundled themes go through this same parser. The TOML is read by
/// ``MiniTOML`` (see there why it is not a library).
public enum ThemeParser {
    /// A mistake in a theme file.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    /// The parsed theme, and whether it set the author palette.
    public static func parse(_ text: String, file: String) throws -> (theme: Theme, paletteGiven: Bool) {
        let table: MiniTOML.Table
        do { table = try MiniTOML.parse(text) } catch let error as MiniTOML.SyntaxError {
            throw ParseError(file: file, line: error.line, reason: "column \(error.column): \(error.reason)")
        }
        var theme = Theme(name: file, styles: [:], authorPalette: [])
        var paletteGiven = false
        for (key, value, line) in table.entries {
            func fail(_ reason: String) -> ParseError { ParseError(file: file, line: line, reason: reason) }
            switch key {
            case "name":
                guard let s = value.string else { throw fail("name must be a string") }
                theme.name = s
            case "description":
                guard value.string != nil else { throw fail("description must be a string") }
            case "author-palette":
                guard let array = value.array else { throw fail("author-palette must be a list of colours") }
                theme.authorPalette = try array.map { item in
                    guard let c = color(item) else { throw fail("author-palette has a colour it does not know: \(describe(item))") }
                    return c
                }
                paletteGiven = true
            case "roles":
                guard let roles = value.table else { throw fail("roles must be a table") }
                for (roleKey, roleValue, roleLine) in roles.entries {
                    let roleFail = { (reason: String) in ParseError(file: file, line: roleLine, reason: reason) }
                    guard let role = RoleName(rawValue: roleKey) else {
                        let known = RoleName.allCases.map(\.rawValue).joined(separator: ", ")
                        throw roleFail("unknown role \"\(roleKey)\" (roles: \(known))")
                    }
                    guard let styleTable = roleValue.table else {
                        throw roleFail("role \"\(roleKey)\" must be a table such as { fg = \"cyan\" }")
                    }
                    theme.styles[role] = try style(styleTable, role: roleKey, fail: roleFail)
                }
            default:
                throw fail("unknown key \"\(key)\" (keys: name, description, author-palette, [roles])")
            }
        }
        return (theme, paletteGiven)
    }

    private static func style(_ t: MiniTOML.Table, role: String, fail: (String) -> ParseError) throws -> Style {
        var s = Style()
        for (key, v, _) in t.entries {
            switch key {
            case "fg", "bg":
                guard let c = color(v) else { throw fail("\(role).\(key): unknown colour \(describe(v))") }
                if key == "fg" { s.fg = c } else { s.bg = c }
            case "bold", "dim", "underline", "reverse", "italic":
                guard let b = v.boolean else { throw fail("\(role).\(key) must be true or false") }
                switch key {
                case "bold": s.bold = b
                case "dim": s.dim = b
                case "underline": s.underline = b
                case "reverse": s.reverse = b
                default: s.italic = b
                }
            default:
                throw fail("\(role): unknown style key \"\(key)\" (fg, bg, bold, dim, underline, reverse, italic)")
            }
        }
        return s
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Reads a colour value.
    static func color(_ v: MiniTOML.Value) -> Color? {
        if let i = v.integer { return (0...255).contains(i) ? .index(i) : nil }
        guard let s = v.string?.lowercased() else { return nil }
        if s == "default" { return .terminalDefault }
        if let i = colorNames.firstIndex(of: s) { return .index(i) }
        if s.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(s.dropFirst(7))) { return .index(i + 8) }
        if s.hasPrefix("#"), s.count == 7, let rgb = Int(s.dropFirst(), radix: 16) {
            return .index(Color.nearest(r: rgb >> 16, g: (rgb >> 8) & 255, b: rgb & 255))
        }
        return nil
    }

    private static func describe(_ v: MiniTOML.Value) -> String {
        switch v {
        case .string(let s): return "\"\(s)\""
        case .integer(let i): return String(i)
        case .boolean(let b): return String(b)
        case .array: return "a list"
        case .table: return "a table"
        }
    }
}
