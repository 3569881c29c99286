import TOMLKit

/// Reads theme files (TOML), naming the line of any mistake.
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
/// The bundled themes go through this same parser.
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
        try precheck(text, file: file)
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw ParseError(file: file, line: error.source.begin.line, reason: error.description)
        }
        var theme = Theme(name: file, styles: [:], authorPalette: [])
        var paletteGiven = false
        func fail(_ key: String, _ reason: String) -> ParseError {
            ParseError(file: file, line: line(of: key, in: text), reason: reason)
        }
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "name":
                guard let s = value.string else { throw fail(key, "name must be a string") }
                theme.name = s
            case "description":
                guard value.string != nil else { throw fail(key, "description must be a string") }
            case "author-palette":
                guard let array = value.array else { throw fail(key, "author-palette must be a list of colours") }
                theme.authorPalette = try array.map { item in
                    guard let c = color(item) else { throw fail(key, "author-palette has a colour it does not know: \(item)") }
                    return c
                }
                paletteGiven = true
            case "roles":
                guard let roles = value.table else { throw fail(key, "roles must be a table") }
                for roleKey in roles.keys {
                    guard let role = RoleName(rawValue: roleKey) else {
                        let known = RoleName.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fail(roleKey, "unknown role \"\(roleKey)\" (roles: \(known))")
                    }
                    guard let styleTable = roles[roleKey]?.table else {
                        throw fail(roleKey, "role \"\(roleKey)\" must be a table such as { fg = \"cyan\" }")
                    }
                    theme.styles[role] = try style(styleTable, role: roleKey, fail: fail)
                }
            default:
                throw fail(key, "unknown key \"\(key)\" (keys: name, description, author-palette, [roles])")
            }
        }
        return (theme, paletteGiven)
    }

    private static func style(_ t: TOMLTable, role: String, fail: (String, String) -> ParseError) throws -> Style {
        var s = Style()
        for key in t.keys {
            let v = t[key]!
            switch key {
            case "fg", "bg":
                guard let c = color(v) else { throw fail(role, "\(role).\(key): unknown colour \(v)") }
                if key == "fg" { s.fg = c } else { s.bg = c }
            case "bold", "dim", "underline", "reverse", "italic":
                guard let b = v.bool else { throw fail(role, "\(role).\(key) must be true or false") }
                switch key {
                case "bold": s.bold = b
                case "dim": s.dim = b
                case "underline": s.underline = b
                case "reverse": s.reverse = b
                default: s.italic = b
                }
            default:
                throw fail(role, "\(role): unknown style key \"\(key)\" (fg, bg, bold, dim, underline, reverse, italic)")
            }
        }
        return s
    }

    /// Rejects what toml++ (inside TOMLKit) is known to crash on rather than report: a
    /// non-ASCII character or a NUL outside strings and comments. Fuzzing found the assertion
    /// (`parse_key`, a U+FFFD in a table header); theme files are ASCII outside their strings.
    static func precheck(_ text: String, file: String) throws {
        var line = 1
        var quote: String?  // the open delimiter: one or three double or single quotes
        var comment = false
        var escaped = false
        var rest = Substring(text)
        while let c = rest.first {
            if c == "\n" {
                line += 1
                comment = false
                if quote == "\"" || quote == "'" { quote = nil }  // unterminated: TOMLKit reports it
                rest = rest.dropFirst()
                continue
            }
            if c == "\0" { throw ParseError(file: file, line: line, reason: "a NUL byte is not allowed in a theme file") }
            if comment {
                rest = rest.dropFirst()
                continue
            }
            if let q = quote {
                if escaped {
                    escaped = false
                } else if c == "\\" && !q.hasPrefix("'") {
                    escaped = true
                } else if rest.hasPrefix(q) {
                    rest = rest.dropFirst(q.count)
                    quote = nil
                    continue
                }
                rest = rest.dropFirst()
                continue
            }
            for delimiter in ["\"\"\"", "'''", "\"", "'"] where rest.hasPrefix(delimiter) {
                quote = delimiter
                break
            }
            if let q = quote {
                rest = rest.dropFirst(q.count)
                continue
            }
            if c == "#" {
                comment = true
            } else if !c.isASCII {
                throw ParseError(file: file, line: line, reason: "\"\(c)\" outside a string; names and keys must be ASCII")
            }
            rest = rest.dropFirst()
        }
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Reads a colour value.
    static func color(_ v: any TOMLValueConvertible) -> Color? {
        if let i = v.int { return (0...255).contains(i) ? .index(i) : nil }
        guard let s = v.string?.lowercased() else { return nil }
        if s == "default" { return .terminalDefault }
        if let i = colorNames.firstIndex(of: s) { return .index(i) }
        if s.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(s.dropFirst(7))) { return .index(i + 8) }
        if s.hasPrefix("#"), s.count == 7, let rgb = Int(s.dropFirst(), radix: 16) {
            return .index(Color.nearest(r: rgb >> 16, g: (rgb >> 8) & 255, b: rgb & 255))
        }
        return nil
    }

    /// The 1-based line where `key` is assigned, or 1 when it cannot be found.
    static func line(of key: String, in text: String) -> Int {
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.drop { $0 == " " || $0 == "\t" }
            for form in [key, "\"\(key)\""] where t.hasPrefix(form) {
                let rest = t.dropFirst(form.count).drop { $0 == " " || $0 == "\t" }
                if rest.first == "=" { return n + 1 }
            }
            if t.contains("\(key) =") || t.contains("\(key)=") { return n + 1 }
        }
        return 1
    }
}
