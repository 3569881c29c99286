import Foundation
import WeftModel

extension App {
    /// `/`: starts an incremental search in the focused pane.
    func startSearch() {
        search.origin = (threadList.selection, open?.selection ?? 0, open?.postScroll ?? 0)
        prompt = Prompt(kind: .search, label: "/", text: "")
    }

    /// Moves to the first match at or after where the search started.
    func searchAsYouType(_ query: String) {
        search.query = query
        guard let origin = search.origin else { return }
        if focus == .list {
            threadList.select(origin.list)
        } else if let o = open {
            o.selection = origin.tree
            if focus == .post { o.postScroll = origin.scroll }
        }
        search.postMatch = nil
        guard !query.isEmpty else { return }
        _ = step(query: query, forward: true, includeCurrent: true)
    }

    /// Esc during a search: back to where it started, query cleared.
    func cancelSearch() {
        if let origin = search.origin {
            if focus == .list { threadList.select(origin.list) } else if let o = open {
                o.selection = origin.tree
                o.postScroll = origin.scroll
            }
        }
        search.origin = nil
        search.query = ""
    }

    /// `n`/`N`: the next match of the search or the author filter, whichever was set last.
    func nextMatch(forward: Bool) {
        switch search.lastMatch {
        case .search:
            guard !search.query.isEmpty else {
                say("no search yet: \(keyName(.search)) searches")
                return
            }
            if !step(query: search.query, forward: forward, includeCurrent: false) { say("no other match for \(search.query)") }
        case .author:
            guard filter.hasAuthorTerms else {
                say("no author filter: \(keyName(.filterAuthor)) sets one")
                return
            }
            if focus == .list {
                move(by: forward ? 1 : -1)
            } else if let o = open {
                let found = findPosition(in: o, forward: forward, includeCurrent: false) {
                    o.passesAuthors(self.filter, $0)
                }
                if let found { select(position: found, in: o) } else { say("no other post by \(filter.authorPromptText)") }
            }
        }
    }

    /// Moves to the next item matching `query` in the focused pane, wrapping; false when none.
    func step(query: String, forward: Bool, includeCurrent: Bool) -> Bool {
        if focus == .list { return threadList.step(query: query, forward: forward, includeCurrent: includeCurrent) }
        if focus == .post { return stepInPost(query: query, forward: forward, includeCurrent: includeCurrent) }
        guard let o = open else { return false }
        let found = findPosition(in: o, forward: forward, includeCurrent: includeCurrent) { post in
            App.contains(o.thread.posts[post].body, query) || App.contains(o.thread.posts[post].displayAuthor, query)
        }
        guard let found else { return false }
        select(position: found, in: o)
        return true
    }

    /// The next visible tree position whose post satisfies `test`, wrapping around.
    func findPosition(in o: OpenThread, forward: Bool, includeCurrent: Bool, _ test: (PostIndex) -> Bool) -> Int? {
        let n = o.visible.count
        guard n > 0 else { return nil }
        for k in (includeCurrent ? 0 : 1)...n {
            let i = ((o.selection + (forward ? k : -k)) % n + n) % n
            if k == n && !includeCurrent { break }
            if test(o.tree[o.visible[i]].post) { return i }
        }
        return nil
    }

    /// How many items in the focused pane match.
    func currentMatchCount(_ query: String) -> Int {
        if focus == .list { return threadList.matchCount(query) }
        guard let o = open else { return 0 }
        return o.visible.filter { App.contains(o.thread.posts[o.tree[$0].post].body, query) }.count
    }

    /// Case- and accent-insensitive containment.
    static func contains(_ text: String, _ query: String) -> Bool {
        text.containsIgnoringCaseAndAccents(query)
    }
}
