import Foundation
import WeftModel

extension App {
    /// The query the list shows: the author and unread filters, and the sort order.
    var listQuery: ThreadQuery {
        ThreadQuery(authors: filter.authors, excludedAuthors: filter.excludedAuthors, unreadOnly: filter.unreadOnly, order: sort)
    }

    /// How threads are ordered in the list.
    var sort: SortOrder {
        get { threadList.sort }
        set { threadList.sort = newValue }
    }

    /// Reads the thread list from the source again, keeping the selection on the same thread.
    func reloadSummaries() {
        flushReadState()
        do {
            try threadList.reload(listQuery, keeping: selectedSummary?.id)
        } catch {
            say("the thread list cannot be read: \(error)", error: true)
        }
        if !filter.hasAuthorTerms && !filter.unreadOnly { threadList.totalThreads = threadList.count }
        let problems = threadList.problems
        if !problems.isEmpty {
            let first = problems[0]
            say("\(problems.count) thread file(s) could not be read: \(first.path): \(first.reason)", error: true)
        }
        keepSelectionsInView()
    }

    /// Asks the source for the list again (filter or order changed), keeping `id` selected when it is still there.
    func rebuildList(keeping id: String?) {
        // Saved marks are what the index counts unread from.
        flushReadState()
        do {
            try threadList.rebuild(listQuery, keeping: id)
        } catch {
            say("the thread list cannot be read: \(error)", error: true)
        }
        keepSelectionsInView()
    }

    /// The summary at the list selection.
    var selectedSummary: ThreadSummary? { threadList.selectedSummary }
}
