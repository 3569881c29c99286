import Foundation

/// What the browser remembers between runs: how it was arranged, and where the reader was in each store.
///
/// Pure data; the `weft` executable reads and writes it (`$XDG_STATE_HOME/weft/state.json`).
public struct BrowserMemory: Codable, Equatable, Sendable {
    /// Where the reader was in one store.
    public struct Place: Codable, Equatable, Sendable {
        public var thread: String
        public var post: String?

        public init(thread: String, post: String?) {
            self.thread = thread
            self.post = post
        }
    }

    /// The thread list's order (`activity`, `started`, `title`, `size`).
    public var sort: String?
    /// The theme's name.
    public var theme: String?
    /// The thread list's share of a wide screen, in percent.
    public var listPercent: Int?
    /// The last thread and post read, by store directory.
    public var places: [String: Place] = [:]

    public init() {}
}

extension App {
    /// Records the arrangement and, for `store`, the open thread and post.
    public func remember(into memory: inout BrowserMemory, store: String) {
        memory.sort = sort.rawValue
        memory.theme = theme.name
        memory.listPercent = layoutOptions.listPercent
        if let o = open {
            memory.places[store] = BrowserMemory.Place(thread: o.thread.id, post: o.selectedPost.map { o.thread.posts[$0].id })
        } else if let lastPlace {
            memory.places[store] = lastPlace
        }
    }

    /// Takes back the arrangement (not the theme: the caller loads it) and, for `store`, opens the
    /// thread at the post last read there, the thread list beside it.
    public func restore(_ memory: BrowserMemory, store: String) {
        if let raw = memory.sort, let order = SortOrder(rawValue: raw), order != sort {
            sort = order
            rebuildList(keeping: nil)
        }
        if let percent = memory.listPercent { layoutOptions.listPercent = percent }
        guard let place = memory.places[store], threadList.position(ofThread: place.thread) != nil else { return }
        openThread(id: place.thread, selectPost: place.post)
        message = nil
        keepSelectionsInView()
    }
}
