/// Which key runs which action, read from binding files.
///
/// The format, one statement per line (`#` starts a comment):
/// ```
/// bind KEY ACTION     # e.g. bind J next-sibling
/// unbind KEY
/// ```
/// The defaults are ``ActionTable/defaultBindings``, read by this same parser.
public struct Keymap: Equatable, Sendable {
    /// A mistake in a binding file.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    /// The bindings.
    public private(set) var bindings: [Key: Action] = [:]

    /// An empty keymap.
    public init() {}

    /// The default keymap.
    public static let standard: Keymap = {
        var map = Keymap()
        // The table is ours; a failure here is a bug that the tests catch.
        map.apply(ActionTable.defaultBindings, file: "defaults")
        return map
    }()

    /// Names actions had before, still read in binding files.
    public static let legacyNames: [String: Action] = [
        "cycle-sort": .cycleSort, "cycle-theme": .cycleTheme, "filter-author": .filterAuthor,
    ]

    /// The action bound to a key.
    public func action(for key: Key) -> Action? { bindings[key] }

    /// The keys bound to an action, in a stable order.
    public func keys(for action: Action) -> [Key] {
        let defaults = ActionTable.info(action).keys.split(separator: " ").compactMap { Key(name: String($0)) }
        let bound = bindings.filter { $0.value == action }.map(\.key)
        return defaults.filter(bound.contains) + bound.filter { !defaults.contains($0) }.sorted { $0.name < $1.name }
    }

    /// Applies binding-file text on top of the current bindings; returns every mistake, by line.
    ///
    /// A bad line is skipped and the rest still applies. `#` starts a comment where a word begins
    /// with it; `\#` is the `#` key (`bind \# toggle-read`).
    @discardableResult
    public mutating func apply(_ text: String, file: String) -> [ParseError] {
        let byName = Dictionary(uniqueKeysWithValues: ActionTable.entries.map { ($0.name, $0.action) })
            .merging(Keymap.legacyNames) { current, _ in current }
        var errors: [ParseError] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var words: [String] = []
            for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if word.hasPrefix("#") { break }
                words.append(word == "\\#" ? "#" : String(word))
            }
            guard let verb = words.first else { continue }
            func fail(_ reason: String) { errors.append(ParseError(file: file, line: n + 1, reason: reason)) }
            switch verb {
            case "bind":
                guard words.count == 3 else { fail("expected: bind KEY ACTION"); continue }
                guard let key = Key(name: words[1]) else { fail("unknown key \"\(words[1])\""); continue }
                guard let action = byName[words[2]] else {
                    fail("unknown action \"\(words[2])\" (the README's key table names every action)")
                    continue
                }
                bindings[key] = action
            case "unbind":
                guard words.count == 2, let key = Key(name: words[1]) else { fail("expected: unbind KEY"); continue }
                bindings[key] = nil
            default:
                fail("unknown statement \"\(verb)\" (bind, unbind)")
            }
        }
        return errors
    }
}
