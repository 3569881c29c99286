/// A strict reader for the part of TOML that theme, keys and recipe files use.
///
/// Written by hand, replacing TOMLKit: fuzzing the theme parser found inputs
/// (`[*]`, `a = [1, }`) on which toml++, the C++ library inside TOMLKit,
/// aborts on an assertion instead of reporting an error, and a broken user
/// theme must give a message, not kill the program. Themes need only this:
/// `# comments`, `[table]` headers, `key = value` with bare or quoted keys,
/// basic and literal strings, integers, booleans, arrays (over several lines,
/// trailing comma allowed) and one-line inline tables. Anything else is an
/// error naming the line and column. Duplicate keys are errors, as in TOML.
public enum MiniTOML {
    /// A value.
    public indirect enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case array([Value])
        case table(Table)

        public var string: String? { if case .string(let s) = self { return s }; return nil }
        public var integer: Int? { if case .integer(let i) = self { return i }; return nil }
        public var boolean: Bool? { if case .boolean(let b) = self { return b }; return nil }
        public var array: [Value]? { if case .array(let a) = self { return a }; return nil }
        public var table: Table? { if case .table(let t) = self { return t }; return nil }
    }

    /// A table: its entries in file order, each with the line it is on.
    public struct Table: Equatable, Sendable {
        public var entries: [(key: String, value: Value, line: Int)] = []

        public init() {}

        public subscript(key: String) -> Value? { entries.first { $0.key == key }?.value }

        public static func == (a: Table, b: Table) -> Bool {
            a.entries.map(\.key) == b.entries.map(\.key) && a.entries.map(\.value) == b.entries.map(\.value)
        }
    }

    /// A syntax error.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var reason: String
        public var description: String { "line \(line), column \(column): \(reason)" }
    }

    /// Parses a document into its root table (tables from `[headers]` become entries of type `.table`).
    public static func parse(_ text: String) throws -> Table {
        var parser = Parser(Array(text.unicodeScalars))
        return try parser.document()
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        var line = 1
        var lineStart = 0

        init(_ s: [Unicode.Scalar]) { self.s = s }

        var column: Int { i - lineStart + 1 }
        var current: Unicode.Scalar? { i < s.count ? s[i] : nil }

        func fail(_ reason: String) -> SyntaxError { SyntaxError(line: line, column: column, reason: reason) }

        mutating func advance() {
            if s[i] == "\n" { line += 1; lineStart = i + 1 }
            i += 1
        }

        /// Skips spaces and tabs (and, when `newlines`, line ends and comments).
        mutating func skip(newlines: Bool) {
            while let c = current {
                if c == " " || c == "\t" || c == "\r" { advance(); continue }
                if c == "#" { while let d = current, d != "\n" { advance() }; continue }
                if newlines && c == "\n" { advance(); continue }
                break
            }
        }

        mutating func endOfLine() throws {
            skip(newlines: false)
            guard let c = current else { return }
            guard c == "\n" else { throw fail("expected the end of the line, found \"\(c)\"") }
            advance()
        }

        mutating func document() throws -> Table {
            var root = Table()
            var currentTable: String?
            var tables: [String: Table] = [:]
            var order: [(String, Int)] = []
            while true {
                skip(newlines: true)
                guard let c = current else { break }
                if c == "[" {
                    let headerLine = line
                    advance()
                    skip(newlines: false)
                    let name = try key()
                    skip(newlines: false)
                    guard current == "]" else { throw fail("expected \"]\" to close the table header (dotted and array tables are not supported)") }
                    advance()
                    try endOfLine()
                    if tables[name] != nil || root[name] != nil { throw SyntaxError(line: headerLine, column: 1, reason: "table [\(name)] is defined twice") }
                    tables[name] = Table()
                    order.append((name, headerLine))
                    currentTable = name
                    continue
                }
                let (k, v, keyLine) = try keyValue()
                try endOfLine()
                if let t = currentTable {
                    if tables[t]![k] != nil { throw SyntaxError(line: keyLine, column: 1, reason: "key \"\(k)\" is defined twice") }
                    tables[t]!.entries.append((k, v, keyLine))
                } else {
                    if root[k] != nil { throw SyntaxError(line: keyLine, column: 1, reason: "key \"\(k)\" is defined twice") }
                    root.entries.append((k, v, keyLine))
                }
            }
            for (name, headerLine) in order { root.entries.append((name, .table(tables[name]!), headerLine)) }
            return root
        }

        /// `key = value` (at the key), with the line it is on.
        mutating func keyValue() throws -> (key: String, value: Value, line: Int) {
            let keyLine = line
            let k = try key()
            skip(newlines: false)
            guard current == "=" else { throw fail("expected \"=\" after the key \"\(k)\"") }
            advance()
            skip(newlines: false)
            return (k, try value(), keyLine)
        }

        mutating func key() throws -> String {
            guard let c = current else { throw fail("expected a key, found the end of the file") }
            if c == "\"" || c == "'" { return try string() }
            var out = String.UnicodeScalarView()
            while let d = current, d.isASCII, d.properties.isAlphabetic || ("0"..."9").contains(d) || d == "_" || d == "-" {
                out.append(d)
                advance()
            }
            guard !out.isEmpty else { throw fail("expected a key (letters, digits, _ and -, or a quoted name), found \"\(c)\"") }
            return String(out)
        }

        mutating func value() throws -> Value {
            guard let c = current else { throw fail("expected a value, found the end of the file") }
            switch c {
            case "\"", "'": return .string(try string())
            case "[": return try array()
            case "{": return try inlineTable()
            case "t", "f": return try boolean()
            case "+", "-", "0"..."9": return try integer()
            default: throw fail("expected a value (a string, number, true/false, [array] or {table}), found \"\(c)\"")
            }
        }

        mutating func string() throws -> String {
            let quote = current!
            advance()
            if quote == "\"" && current == "\"" && i + 1 < s.count && s[i + 1] == "\"" {
                throw fail("multi-line strings are not supported")
            }
            var out = String.UnicodeScalarView()
            while true {
                guard let c = current, c != "\n" else { throw fail("the string is not closed on this line") }
                advance()
                if c == quote { return String(out) }
                if c == "\\" && quote == "\"" {
                    guard let e = current else { throw fail("the string is not closed") }
                    advance()
                    switch e {
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "r": out.append("\r")
                    case "u", "U":
                        let n = e == "u" ? 4 : 8
                        var hex = ""
                        for _ in 0..<n {
                            guard let h = current, h.properties.isASCIIHexDigit else { throw fail("\\\(e) needs \(n) hex digits") }
                            hex.unicodeScalars.append(h)
                            advance()
                        }
                        guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { throw fail("\\\(e)\(hex) is not a character") }
                        out.append(scalar)
                    default: throw fail("unknown escape \\\(e)")
                    }
                } else if c.value < 0x20 && c != "\t" || c.value == 0x7F {
                    throw fail("a control character inside a string")
                } else {
                    out.append(c)
                }
            }
        }

        mutating func integer() throws -> Value {
            var text = ""
            if let c = current, c == "+" || c == "-" { text.unicodeScalars.append(c); advance() }
            while let c = current, ("0"..."9").contains(c) || c == "_" {
                if c != "_" { text.unicodeScalars.append(c) }
                advance()
            }
            guard let n = Int(text) else { throw fail("\"\(text)\" is not a whole number") }
            return .integer(n)
        }

        mutating func boolean() throws -> Value {
            for (word, v) in [("true", true), ("false", false)] where matches(word) {
                i += word.count
                return .boolean(v)
            }
            throw fail("expected true or false")
        }

        func matches(_ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= s.count, Array(s[i..<(i + w.count)]) == w else { return false }
            if i + w.count < s.count, s[i + w.count].properties.isAlphabetic { return false }
            return true
        }

        mutating func array() throws -> Value {
            advance()
            var items: [Value] = []
            while true {
                skip(newlines: true)
                guard let c = current else { throw fail("the array is not closed") }
                if c == "]" { advance(); return .array(items) }
                items.append(try value())
                skip(newlines: true)
                if current == "," { advance(); continue }
                guard current == "]" else { throw fail("expected \",\" or \"]\" in the array") }
            }
        }

        mutating func inlineTable() throws -> Value {
            advance()
            var table = Table()
            skip(newlines: false)
            if current == "}" { advance(); return .table(table) }
            while true {
                skip(newlines: false)
                let (k, v, keyLine) = try keyValue()
                if table[k] != nil { throw fail("key \"\(k)\" is defined twice") }
                table.entries.append((k, v, keyLine))
                skip(newlines: false)
                if current == "," { advance(); continue }
                guard current == "}" else { throw fail("expected \",\" or \"}\" in the inline table (it must fit on one line)") }
                advance()
                return .table(table)
            }
        }
    }
}
