import Foundation
import WeftModel

extension App {
    /// What `:` knows: every action by its name, and those that take words after it.
    static let commandArguments: [String: String] = [
        "sort": "activity, start, title or size",
        "theme": ThemeLoader.bundledNames.joined(separator: ", "),
        "author": "names, a,b for several, !name excludes",
        "search": "words to find in the focused pane",
        "search-store": "words to find in every post",
        "save": "a file (.md, .mbox or .json)",
        "save-thread": "a file (.md, .mbox or .json)",
        "pipe": "a shell command",
        "catchup-all": "a forum's name (else every listed thread)",
    ]

    /// `:`: asks for an action by name, Tab completing from the action table.
    func startCommand() {
        var p = Prompt(kind: .command, label: ":", text: "")
        p.candidates = ActionTable.entries.map { ($0.name, 0) }
        p.updateMatches()
        prompt = p
    }

    /// Runs a command line: `NAME [WORDS]`. Every action can be run by name; some take words.
    func runCommand(_ line: String) -> [Effect] {
        let trimmed = String(line.trimmed)
        guard !trimmed.isEmpty else { return [] }
        let name = String(trimmed.prefix { $0 != " " })
        let rest = String(String(trimmed.dropFirst(name.count)).trimmed)
        guard let entry = ActionTable.entries.first(where: { $0.name == name }) ?? Keymap.legacyNames[name].map(ActionTable.info) else {
            let near = ActionTable.entries.map(\.name).filter { $0.hasPrefix(name) || name.hasPrefix($0) }
            say("no action \"\(name)\"" + (near.isEmpty ? "; Tab completes, ? lists them" : "; did you mean \(near.prefix(3).joined(separator: ", "))?"),
                error: true)
            return []
        }
        if rest.isEmpty || App.commandArguments[entry.name] == nil {
            if !rest.isEmpty {
                say("\(entry.name) takes no words", error: true)
                return []
            }
            if entry.action == .catchUpAll { catchUpAll(); return [] }
            return perform(entry.action)
        }
        switch entry.action {
        case .cycleSort:
            guard let order = SortOrder.allCases.first(where: { $0.rawValue.hasPrefix(rest.lowercased()) }) else {
                say("sort by \(App.commandArguments["sort"]!)", error: true)
                return []
            }
            sort = order
            rebuildList(keeping: selectedSummary?.id)
            say("threads sorted by \(order.rawValue)")
        case .cycleTheme:
            return useTheme(named: rest)
        case .filterAuthor:
            applyAuthorAnswer(rest)
        case .search:
            search.query = rest
            search.lastMatch = .search
            if !step(query: rest, forward: true, includeCurrent: true) { say("not found: \(rest)", error: true) }
        case .searchStore:
            runStoreSearch(rest)
        case .savePost, .saveThread:
            save(thread: entry.action == .saveThread, to: rest)
        case .pipePost:
            return pipe(rest)
        case .catchUpAll:
            catchUpAll(forum: rest)
        default:
            break
        }
        return []
    }

    /// Switches to a theme by name (a bundled one, or a file in the themes folder).
    func useTheme(named name: String) -> [Effect] {
        let (theme, error) = ThemeLoader.load(name)
        if let error {
            say(error, error: true)
            return []
        }
        self.theme = theme
        if let i = ThemeLoader.bundledNames.firstIndex(of: theme.name) { themeIndex = i }
        say("theme: \(theme.name)")
        return [.redraw]
    }

    /// Pipes the post to a shell command (the backend runs it, the screen set aside).
    func pipe(_ command: String) -> [Effect] {
        let command = String(command.trimmed)
        guard !command.isEmpty, let text = pipeText() else { return [] }
        lastPipeCommand = command
        return [.pipe(command: command, input: text)]
    }
}
