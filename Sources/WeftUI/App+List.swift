import Foundation
import WeftModel

extension App {
    /// The query the list shows: the author and unread filters, and the sort order.
    var listQuery: ThreadQuery {
        ThreadQuery(authors: filter.authors, excludedAuthors: filter.excludedAuthors, unreadOnly: filter.unreadOnly, order: sort)
    }

    /// How many threads the list shows.
    var listCount: Int { listRows.keys.count }

    /// Reads the thread list from the source again, keeping the selection on the same thread.
    func reloadSummaries() {
        let selectedID = selectedSummary?.id
        problems = source.problems()
        rebuildList(keeping: selectedID)
        if !filter.hasAuthorTerms && !filter.unreadOnly { totalThreads = listCount }
        if !problems.isEmpty {
            let first = problems[0]
            say("\(problems.count) thread file(s) could not be read: \(first.path): \(first.reason)", error: true)
        }
    }

    /// Asks the source for the list again (filter or order changed), keeping `id` selected when it is still there.
    func rebuildList(keeping id: String?) {
        // Saved marks are what the index counts unread from.
        flushReadState()
        do {
            listRows = try source.listThreads(listQuery)
        } catch {
            listRows = ThreadRows()
            say("the thread list cannot be read: \(error)", error: true)
        }
        listGeneration += 1
        summaryCache = [:]
        if let id, let i = listPosition(ofThread: id) { listSelection = i }
        listSelection = min(listSelection, max(0, listCount - 1))
        keepSelectionsInView()
    }

    /// The list position of a thread, if listed.
    func listPosition(ofThread id: String) -> Int? {
        let key = summaryCache.first(where: { $0.value.id == id })?.key ?? (try? source.key(ofThread: id)) ?? nil
        return key.flatMap { listRows.keys.firstIndex(of: $0) }
    }

    /// The summary at a list position, fetching the screenful around it when it is not cached.
    func summary(at position: Int) -> ThreadSummary? {
        guard listRows.keys.indices.contains(position) else { return nil }
        let key = listRows.keys[position]
        if let s = summaryCache[key] { return s }
        // Fetch a page around the position: what a screen (and a little scrolling) needs.
        if summaryCache.count > 4_000 { summaryCache = [:] }
        let page = max(0, position - 50)..<min(listCount, position + 150)
        let wanted = page.map { listRows.keys[$0] }.filter { summaryCache[$0] == nil }
        if let fetched = try? source.summaries(wanted) {
            summaryCache.merge(fetched) { _, new in new }
            // Marks not yet saved are not in the source's counts.
            for (key, s) in fetched {
                let delta = (pendingUnread[s.id]?.count ?? 0) - (pendingRead[s.id]?.count ?? 0)
                if delta != 0 { adjustUnread(key: key, by: delta) }
            }
        }
        return summaryCache[key]
    }

    /// The summary at a list position if it has been fetched (what drawing reads: it asks the source nothing).
    func cachedSummary(at position: Int) -> ThreadSummary? {
        guard listRows.keys.indices.contains(position) else { return nil }
        return summaryCache[listRows.keys[position]]
    }

    /// The summary at the list selection.
    var selectedSummary: ThreadSummary? { summary(at: listSelection) }

    /// Adjusts a listed thread's unread count for marks not yet saved.
    func adjustUnread(thread id: String, by delta: Int) {
        guard let key = summaryCache.first(where: { $0.value.id == id })?.key else { return }
        adjustUnread(key: key, by: delta)
    }

    private func adjustUnread(key: Int64, by delta: Int) {
        guard let s = summaryCache[key] else { return }
        let before = s.unreadCount
        let after = min(s.postCount, max(0, before + delta))
        summaryCache[key]?.unreadCount = after
        if before > 0 && after == 0 { listRows.unreadThreads -= 1 }
        if before == 0 && after > 0 { listRows.unreadThreads += 1 }
    }
}
