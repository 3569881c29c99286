import Foundation
import WeftConfig

extension Recipe {
    /// The keys each table of a recipe file may hold; any other key is a mistake, reported with its line.
    static let allowedKeys: [String: Set<String>] = [
        "": ["engine", "detect", "date-order", "thread", "post", "quote"],
        "thread": ["title", "forum", "id", "url"],
        "post": ["each", "id", "author", "date", "body", "signature", "remove", "attachments"],
        "quote": ["each", "author", "post", "header"],
    ]

    /// Reads a recipe file's text, naming `file` and the line of the first mistake.
    ///
    /// ```toml
    /// engine = "Example forum"
    /// detect = ["//div[@class='forum-post']"]
    /// [thread]
    /// title = "//h1"
    /// [post]
    /// each = "//div[@class='forum-post']"
    /// id = { xpath = "@id", regex = "([0-9]+)" }
    /// author = ".//span[@class='name']"
    /// body = ".//div[@class='text']"
    /// ```
    public static func parse(_ text: String, file: String) throws -> Recipe {
        let root: MiniTOML.Table
        do {
            root = try MiniTOML.parse(text)
        } catch let error as MiniTOML.SyntaxError {
            throw RecipeError(file: file, line: error.line, reason: "\(error.reason) (column \(error.column))")
        }
        let reader = Reader(file: file)
        try reader.checkKeys(root, table: "")
        // Misspelt keys first, wherever they are: a missing table is often one with a misspelt name.
        let thread = try reader.table(root, "thread", required: false)
        let post = try reader.table(root, "post", required: false)
        let quote = try reader.table(root, "quote", required: false)
        for (name, table) in [("thread", thread), ("post", post), ("quote", quote)] {
            if let table { try reader.checkKeys(table, table: name) }
        }
        _ = try reader.table(root, "thread", required: true)
        _ = try reader.table(root, "post", required: true)
        guard let engine = try reader.string(root, "engine"), !engine.isEmpty else {
            throw RecipeError(file: file, line: 1, reason: "engine = \"…\" is missing: every recipe names its engine")
        }
        let order: ForumDate.Order
        switch try reader.string(root, "date-order") ?? "mdy" {
        case "mdy": order = .monthDayYear
        case "dmy": order = .dayMonthYear
        case "ymd": order = .yearMonthDay
        case let other:
            throw RecipeError(file: file, line: reader.line(of: "date-order", in: root),
                              reason: "date-order \"\(other)\" is not one of \"mdy\", \"dmy\", \"ymd\"")
        }
        guard let thread, let post else { fatalError("required tables were checked above") }
        let detect = try reader.queries(root, "detect")
        guard !detect.isEmpty else {
            throw RecipeError(file: file, line: 1, reason: "detect = [\"…\"] is missing: say how the engine's pages are recognised")
        }
        return Recipe(
            engine: engine, file: file, detect: detect, dateOrder: order,
            title: try reader.field(thread, "thread", "title", required: true)!,
            forum: try reader.field(thread, "thread", "forum"),
            threadID: try reader.field(thread, "thread", "id"),
            url: try reader.field(thread, "thread", "url"),
            post: try reader.query(post, "post", "each", required: true)!,
            postID: try reader.field(post, "post", "id", required: true)!,
            author: try reader.field(post, "post", "author"),
            date: try reader.field(post, "post", "date"),
            body: try reader.query(post, "post", "body", required: true)!,
            signature: try reader.query(post, "post", "signature"),
            remove: try reader.queries(post, "remove"),
            attachments: try reader.query(post, "post", "attachments"),
            quote: try quote.flatMap { try reader.query($0, "quote", "each") },
            quoteAuthor: try quote.flatMap { try reader.field($0, "quote", "author") },
            quotePost: try quote.flatMap { try reader.field($0, "quote", "post") },
            quoteHeader: try quote.map { try reader.queries($0, "header") } ?? []
        )
    }

    /// Reads a recipe file from disk.
    public static func load(path: String) throws -> Recipe {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RecipeError(file: path, line: 0, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RecipeError(file: path, line: 0, reason: "not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Walks the parsed TOML, turning shapes into queries and mistakes into errors.
    private struct Reader {
        let file: String

        func fail(_ line: Int, _ reason: String) -> RecipeError { RecipeError(file: file, line: line, reason: reason) }

        func line(of key: String, in table: MiniTOML.Table) -> Int {
            table.entries.first { $0.key == key }?.line ?? 1
        }

        func checkKeys(_ table: MiniTOML.Table, table name: String) throws {
            let allowed = Recipe.allowedKeys[name] ?? []
            for entry in table.entries where !allowed.contains(entry.key) {
                let place = name.isEmpty ? "at the top of a recipe" : "in [\(name)]"
                throw fail(entry.line, "unknown key \"\(entry.key)\" \(place) (known: \(allowed.sorted().joined(separator: ", ")))")
            }
        }

        func table(_ root: MiniTOML.Table, _ name: String, required: Bool) throws -> MiniTOML.Table? {
            guard let value = root[name] else {
                if required { throw fail(1, "the [\(name)] table is missing") }
                return nil
            }
            guard let table = value.table else { throw fail(line(of: name, in: root), "\(name) must be a [\(name)] table") }
            return table
        }

        func string(_ table: MiniTOML.Table, _ key: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let s = value.string else { throw fail(line(of: key, in: table), "\(key) must be a string") }
            return s
        }

        func compile(_ expression: String, line: Int, key: String) throws -> XPathQuery {
            guard let query = XPathQuery(expression) else {
                throw fail(line, "\(key): \"\(expression)\" is not an XPath 1.0 expression")
            }
            return query
        }

        func query(_ table: MiniTOML.Table, _ name: String, _ key: String, required: Bool = false) throws -> XPathQuery? {
            let at = line(of: key, in: table)
            guard let value = table[key] else {
                if required { throw fail(at, "[\(name)] needs \(key) = \"XPath\"") }
                return nil
            }
            guard let s = value.string else { throw fail(at, "\(key) must be one XPath expression in quotes") }
            return try compile(s, line: at, key: key)
        }

        func queries(_ table: MiniTOML.Table, _ key: String) throws -> [XPathQuery] {
            let at = line(of: key, in: table)
            guard let value = table[key] else { return [] }
            let items = value.array ?? [value]
            return try items.map { item in
                guard let s = item.string else { throw fail(at, "\(key) must be a list of XPath expressions in quotes") }
                return try compile(s, line: at, key: key)
            }
        }

        /// A field: `"XPath"`, `{ xpath = "…", regex = "…" }`, or a list of those tried in order.
        func field(_ table: MiniTOML.Table, _ name: String, _ key: String, required: Bool = false) throws -> FieldRule? {
            let at = line(of: key, in: table)
            guard let value = table[key] else {
                if required { throw fail(at, "[\(name)] needs \(key) = \"XPath\"") }
                return nil
            }
            let items = value.array ?? [value]
            let choices = try items.map { item -> FieldRule.Choice in
                if let s = item.string { return FieldRule.Choice(query: try compile(s, line: at, key: key), pattern: nil) }
                guard let t = item.table else {
                    throw fail(at, "\(key) must be \"XPath\", { xpath = \"…\", regex = \"…\" } or a list of them")
                }
                for entry in t.entries where entry.key != "xpath" && entry.key != "regex" {
                    throw fail(entry.line, "unknown key \"\(entry.key)\" in \(key) (known: regex, xpath)")
                }
                guard let x = t["xpath"]?.string else { throw fail(at, "\(key) needs xpath = \"…\"") }
                var pattern: ValuePattern?
                if let r = t["regex"] {
                    guard let source = r.string, let p = ValuePattern(source) else {
                        throw fail(at, "\(key): regex is not a valid regular expression")
                    }
                    pattern = p
                }
                return FieldRule.Choice(query: try compile(x, line: at, key: key), pattern: pattern)
            }
            guard !choices.isEmpty else { throw fail(at, "\(key) is an empty list") }
            return FieldRule(choices: choices)
        }
    }
}
