import Foundation

/// Which posts (and which threads) to show: by author, text, date and read state.
///
/// One value filters both the thread list (through ``ThreadSummary``) and the
/// posts of an open thread. Names compare case-insensitively.
public struct PostFilter: Equatable, Sendable {
    /// Keep only posts by one of these authors (empty: anyone).
    public var authors: [String]
    /// Drop posts by these authors.
    public var excludedAuthors: [String]
    /// Keep only posts whose text contains this, case-insensitively (threads: the title or a participant).
    public var text: String?
    /// Keep only posts dated on or after this.
    public var since: Date?
    /// Keep only posts dated before this.
    public var until: Date?
    /// Keep only unread posts (threads: with unread posts).
    public var unreadOnly: Bool

    /// Creates a filter; the default lets everything through.
    public init(
        authors: [String] = [], excludedAuthors: [String] = [], text: String? = nil,
        since: Date? = nil, until: Date? = nil, unreadOnly: Bool = false
    ) {
        self.authors = authors
        self.excludedAuthors = excludedAuthors
        self.text = text
        self.since = since
        self.until = until
        self.unreadOnly = unreadOnly
    }

    /// Whether the filter lets everything through.
    public var isEmpty: Bool { self == PostFilter() }

    /// Whether the filter names any author.
    public var hasAuthorTerms: Bool { !authors.isEmpty || !excludedAuthors.isEmpty }

    /// Whether an author name (``Post/unnamedAuthor`` for none) passes the author terms.
    public func passes(author name: String) -> Bool {
        passes(spellings: [name])
    }

    /// Whether an author who wrote under these names (see ``Authorship``) passes the author terms:
    /// a term naming any of them names the author.
    public func passes(spellings: [String]) -> Bool {
        let keys = spellings.map(ThreadQuery.authorKey)
        if excludedAuthors.contains(where: { keys.contains(ThreadQuery.authorKey($0)) }) { return false }
        return authors.isEmpty || authors.contains { keys.contains(ThreadQuery.authorKey($0)) }
    }

    /// Whether a post passes every term.
    ///
    /// `spellings` are every name the post's author wrote under (see ``Authorship``): a term naming any of
    /// them names the author.
    public func matches(_ post: Post, isRead: Bool, spellings: [String]? = nil) -> Bool {
        guard passes(spellings: spellings ?? [post.displayAuthor]) else { return false }
        if unreadOnly && isRead { return false }
        if since != nil || until != nil {
            guard let date = post.date else { return false }
            if let since, date < since { return false }
            if let until, date >= until { return false }
        }
        if let text, !text.isEmpty, !post.body.containsIgnoringCaseAndAccents(text) {
            return false
        }
        return true
    }

    /// Whether a thread has something the filter lets through.
    ///
    /// Author terms keep a thread when one of its participants passes them;
    /// text looks at the title; dates at the span of the thread.
    public func matches(_ summary: ThreadSummary) -> Bool {
        if hasAuthorTerms && !summary.participants.keys.contains(where: passes(author:)) { return false }
        if unreadOnly && summary.unreadCount == 0 { return false }
        if let since, let last = summary.lastDate ?? summary.firstDate, last < since { return false }
        if let until, let first = summary.firstDate ?? summary.lastDate, first >= until { return false }
        if (since != nil || until != nil) && summary.firstDate == nil && summary.lastDate == nil { return false }
        if let text, !text.isEmpty,
           !summary.title.containsIgnoringCaseAndAccents(text) {
            return false
        }
        return true
    }
}
