/// A key press, as the backend reports it and as key bindings name it.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case char(Character)
    /// Control plus a letter, stored lower-case: `.ctrl("u")` is Ctrl-u.
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, escape, delete
    /// A function key, F1 to F12.
    case function(Int)

    /// The key's name as bindings write it: "j", "Space", "C-u", "PgDn", "S-Tab".
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-" + String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .escape: return "Esc"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        }
    }

    private static let named: [String: Key] = {
        var table: [String: Key] = [:]
        for key: Key in [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab,
                         .backspace, .escape, .delete, .char(" ")] {
            table[key.name.lowercased()] = key
        }
        for n in 1...12 { table["f\(n)"] = .function(n) }
        let aliases: [String: Key] = ["return": .enter, "ret": .enter, "esc": .escape, "escape": .escape,
                                      "pageup": .pageUp, "pagedown": .pageDown, "backtab": .backTab,
                                      "shift-tab": .backTab, "bs": .backspace, "space": .char(" ")]
        table.merge(aliases) { a, _ in a }
        return table
    }()

    /// Reads a key name: a single character, a name ("PgDn", "Enter"), or "C-x", "Ctrl-x", "^X".
    public init?(name: String) {
        if name.count == 1, let c = name.first {
            self = .char(c)
            return
        }
        let lower = name.lowercased()
        if let k = Key.named[lower] { self = k; return }
        for prefix in ["c-", "ctrl-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isLetter, c.isASCII else { return nil }
            self = .ctrl(c)
            return
        }
        return nil
    }
}
