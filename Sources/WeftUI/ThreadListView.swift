import Foundation
import WeftModel

/// The thread list pane: which threads the query lists, the summaries fetched for
/// them, the selection and the scroll position.
///
/// The list is a sequence of keys in the order the source gave; summaries are
/// fetched a screenful at a time, so a list of 100,000 threads costs one array
/// of keys. Unread counts are the source's saved figures adjusted by
/// ``ReadMarks/unreadDelta(thread:)`` for marks not yet saved.
final class ThreadListView: PaneView {
    private let source: ThreadSource
    private let marks: ReadMarks
    /// The listed threads' keys in list order, and how many have unread posts.
    private(set) var rows = ThreadRows()
    private var cache: [Int64: ThreadSummary] = [:]
    /// Titles matching the in-list search, by query (asked of the source once per query and list).
    private var titleMatches: (query: String, generation: Int, keys: Set<Int64>)?
    /// The store's thread count when the list was last loaded unfiltered (to say how many are new).
    var totalThreads = 0
    /// The selected list position.
    private(set) var selection = 0
    /// The first position drawn.
    private(set) var top = 0
    /// How threads are ordered.
    var sort: ThreadQuery.Order = .activity
    /// Thread files the source could not read.
    private(set) var problems: [StoreProblem] = []
    /// Bumped whenever the list is rebuilt, so values derived from it know when to recount.
    private(set) var generation = 0

    init(source: ThreadSource, marks: ReadMarks) {
        self.source = source
        self.marks = marks
    }

    /// How many threads the list shows.
    var count: Int { rows.keys.count }

    var position: Int { selection }
    var positionCount: Int { count }

    func select(_ position: Int) {
        selection = max(0, min(position, count - 1))
    }

    /// Reads the problems and the list from the source again; throws when the list cannot be read
    /// (the list is then empty).
    func reload(_ query: ThreadQuery, keeping id: String?) throws {
        problems = source.problems()
        try rebuild(query, keeping: id)
    }

    /// Asks the source for the list again (filter or order changed), keeping `id` selected when it is still there.
    func rebuild(_ query: ThreadQuery, keeping id: String?) throws {
        defer {
            generation += 1
            if let id, let i = self.position(ofThread: id) { selection = i }
            select(selection)
        }
        cache = [:]
        do {
            rows = try source.listThreads(query)
        } catch {
            rows = ThreadRows()
            throw error
        }
    }

    /// The list position of a thread, if listed.
    func position(ofThread id: String) -> Int? {
        let key = cache.first(where: { $0.value.id == id })?.key ?? (try? source.key(ofThread: id)) ?? nil
        return key.flatMap { rows.keys.firstIndex(of: $0) }
    }

    /// The summary at a list position, fetching the screenful around it when it is not cached.
    func summary(at position: Int) -> ThreadSummary? {
        guard rows.keys.indices.contains(position) else { return nil }
        let key = rows.keys[position]
        if let s = cache[key] { return s }
        // Fetch a page around the position: what a screen (and a little scrolling) needs.
        if cache.count > 4_000 { cache = [:] }
        let page = max(0, position - 50)..<min(count, position + 150)
        let wanted = page.map { rows.keys[$0] }.filter { cache[$0] == nil }
        if let fetched = try? source.summaries(wanted) {
            cache.merge(fetched) { _, new in new }
            // Marks not yet saved are not in the source's counts.
            for (key, s) in fetched {
                let delta = marks.unreadDelta(thread: s.id)
                if delta != 0 { adjustUnread(key: key, by: delta) }
            }
        }
        return cache[key]
    }

    /// The summary at a list position if it has been fetched (what drawing reads: it asks the source nothing).
    func cachedSummary(at position: Int) -> ThreadSummary? {
        guard rows.keys.indices.contains(position) else { return nil }
        return cache[rows.keys[position]]
    }

    /// The summary at the selection.
    var selectedSummary: ThreadSummary? { summary(at: selection) }

    /// Adjusts a listed thread's unread count for a mark not yet saved.
    func adjustUnread(thread id: String, by delta: Int) {
        guard let key = cache.first(where: { $0.value.id == id })?.key else { return }
        adjustUnread(key: key, by: delta)
    }

    private func adjustUnread(key: Int64, by delta: Int) {
        guard let s = cache[key] else { return }
        let before = s.unreadCount
        let after = min(s.postCount, max(0, before + delta))
        cache[key]?.unreadCount = after
        if before > 0 && after == 0 { rows.unreadThreads -= 1 }
        if before == 0 && after > 0 { rows.unreadThreads += 1 }
    }

    /// The keys of threads whose title contains `query`, asked of the source once per query and list.
    func titleMatchKeys(_ query: String) -> Set<Int64> {
        if let cached = titleMatches, cached.query == query, cached.generation == generation { return cached.keys }
        let keys = (try? source.threads(titleContaining: query)) ?? []
        titleMatches = (query, generation, keys)
        return keys
    }

    /// Moves to the next thread whose title contains `query`, wrapping; false when none.
    func step(query: String, forward: Bool, includeCurrent: Bool) -> Bool {
        guard count > 0 else { return false }
        let matches = titleMatchKeys(query)
        for k in (includeCurrent ? 0 : 1)...count {
            let i = ((selection + (forward ? k : -k)) % count + count) % count
            if matches.contains(rows.keys[i]) {
                selection = i
                return true
            }
        }
        return false
    }

    /// How many listed threads' titles contain `query`.
    func matchCount(_ query: String) -> Int {
        let matches = titleMatchKeys(query)
        return rows.keys.filter(matches.contains).count
    }

    /// Keeps the selection in view in `height` rows.
    func scroll(height: Int) {
        top = App.scrolled(top: top, selection: selection, height: height, count: count)
    }

    /// Fetches the summaries of the `rows` rows in view, so drawing asks the source nothing.
    func fetchVisible(rows: Int) {
        for i in top..<min(count, top + max(0, rows)) { _ = summary(at: i) }
    }
}
