import Foundation
import WeftModel

extension App {
    /// How many results a store-wide search shows.
    static let storeSearchLimit = 200

    /// `S`: searches every post of the store and shows the results in place of the thread list.
    func runStoreSearch(_ query: String) {
        guard !query.trimmed.isEmpty else {
            results = nil
            return
        }
        do {
            let hits = try source.searchPosts(query, limit: App.storeSearchLimit)
            results = ResultsView(query: query, hits: hits)
            focus = .list
            say(hits.isEmpty ? "nothing in the store matches \(query)"
                : "\(hits.count)\(hits.count == App.storeSearchLimit ? "+" : "") posts match; \(keyName(.open)) opens one, \(keyName(.back)) returns to the threads")
        } catch {
            say("search failed: \(error)", error: true)
        }
    }

    /// Whether the list pane shows search results.
    var showingResults: Bool { results != nil }

    /// Enter on a result: opens its thread at that post.
    func openResult() {
        guard let r = results, let hit = r.selectedHit else { return }
        openThread(id: hit.thread, selectPost: hit.post)
        if open != nil {
            focus = .tree
            search.query = r.query.replacingOccurrences(of: "\"", with: "")
            search.lastMatch = .search
        }
    }
}
