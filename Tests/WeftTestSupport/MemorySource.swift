import Foundation
import WeftModel
import WeftUI

/// Threads held in memory as the browser's source: what the store's index answers, worked out over
/// the threads themselves, so UI tests need no SQLite store.
///
/// The answers follow the index's rules (``ThreadQuery`` order and ties, authors as people by
/// ``Post/authorKey``, a name naming every author who wrote under it). Search is simpler: posts whose
/// own words hold every query word, newest first. Override ``saveReadState(thread:read:unread:)`` for a
/// read-only store; nothing else needs to change.
open class MemorySource: ThreadSource {
    public private(set) var threads: [ForumThread]
    public var read: [String: Set<String>] = [:]
    public var displayName: String
    private var generation = 0

    public init(_ threads: [ForumThread], name: String = "demo") {
        self.threads = threads.map(MemorySource.inferred)
        self.displayName = name
    }

    /// A flat thread with its reply links inferred, as the store's reader infers them.
    static func inferred(_ thread: ForumThread) -> ForumThread {
        var t = thread
        if t.posts.contains(where: \.awaitsInference) { t.inferReplies() }
        return t
    }

    /// Adds or replaces threads, as an import would; the browser sees them when idle.
    public func add(_ more: [ForumThread]) {
        for t in more.map(MemorySource.inferred) {
            if let i = threads.firstIndex(where: { $0.id == t.id }) { threads[i] = t } else { threads.append(t) }
        }
        generation += 1
    }

    /// A thread's key: its place, from 1 (as the index's rows are).
    func key(_ i: Int) -> Int64 { Int64(i + 1) }

    /// The author keys a list of names stands for: every author who wrote under one of the names.
    func keys(_ names: [String]) -> Set<String> {
        let wanted = Set(names.map(ThreadQuery.authorKey))
        var out = wanted
        for t in threads { for p in t.posts where !p.placeholder && wanted.contains(ThreadQuery.authorKey(p.displayAuthor)) { out.insert(p.authorKey) } }
        return out
    }

    func lists(_ t: ForumThread, _ query: ThreadQuery) -> Bool {
        if query.hasAuthorTerms {
            let include = query.authors.isEmpty ? nil : keys(query.authors)
            let exclude = keys(query.excludedAuthors)
            let any = t.posts.contains { p in
                !p.placeholder && (include?.contains(p.authorKey) ?? true) && !exclude.contains(p.authorKey)
            }
            if !any { return false }
        }
        return !query.unreadOnly || summary(t).unreadCount > 0
    }

    func summary(_ t: ForumThread) -> ThreadSummary { ThreadSummary(t, read: read[t.id] ?? []) }

    open func listThreads(_ query: ThreadQuery) throws -> ThreadRows {
        let listed = threads.indices.filter { lists(threads[$0], query) }.map { (i: $0, s: summary(threads[$0]), key: NaturalSortKey.make(threads[$0].title)) }
        // SQLite's order: NULL dates last when descending, then the title key, then the row.
        func desc(_ a: Date?, _ b: Date?) -> Bool? {
            if a == b { return nil }
            guard let a else { return false }
            guard let b else { return true }
            return a > b
        }
        let sorted = listed.sorted { x, y in
            switch query.order {
            case .activity: if let d = desc(x.s.lastDate, y.s.lastDate) { return d }
            case .started: if let d = desc(x.s.firstDate, y.s.firstDate) { return d }
            case .size: if x.s.postCount != y.s.postCount { return x.s.postCount > y.s.postCount }
            case .title: break
            }
            return (x.key, x.i) < (y.key, y.i)
        }
        return ThreadRows(keys: sorted.map { key($0.i) }, unreadThreads: sorted.filter { $0.s.unreadCount > 0 }.count)
    }

    open func summaries(_ keys: [Int64]) throws -> [Int64: ThreadSummary] {
        var out: [Int64: ThreadSummary] = [:]
        for k in keys where k >= 1 && k <= Int64(threads.count) {
            var s = summary(threads[Int(k - 1)])
            s.participants = [:]
            out[k] = s
        }
        return out
    }

    open func key(ofThread id: String) throws -> Int64? { threads.firstIndex { $0.id == id }.map(key) }
    open func problems() -> [StoreProblem] { [] }

    open func authors() throws -> [(name: String, posts: Int)] {
        let all = threads.flatMap(\.posts)
        return Authorship(posts: all).counts(in: all).sorted { ($0.posts, $1.name) > ($1.posts, $0.name) }
    }

    open func postCount(_ query: ThreadQuery) throws -> Int {
        let include = query.authors.isEmpty ? nil : keys(query.authors)
        let exclude = keys(query.excludedAuthors)
        return threads.filter { !query.unreadOnly || summary($0).unreadCount > 0 }.reduce(0) { n, t in
            n + t.posts.filter { !$0.placeholder && (include?.contains($0.authorKey) ?? true) && !exclude.contains($0.authorKey) }.count
        }
    }

    open func threads(titleContaining text: String) throws -> Set<Int64> {
        Set(threads.indices.filter { threads[$0].title.containsIgnoringCaseAndAccents(text) }.map(key))
    }

    open func loadThread(id: String) throws -> ForumThread {
        guard let t = threads.first(where: { $0.id == id }) else { throw CocoaError(.fileNoSuchFile) }
        return t
    }

    open func readPosts(thread id: String) -> Set<String> { read[id] ?? [] }

    open func saveReadState(thread id: String, read: Set<String>, unread: Set<String>) throws {
        self.read[id, default: []].formUnion(read)
        self.read[id, default: []].subtract(unread)
    }

    open func changeToken() -> String { "\(generation)" }
    open func refresh() {}

    open func searchPosts(_ query: String, limit: Int) throws -> [SearchHit] {
        let words = query.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return [] }
        var hits: [SearchHit] = []
        for t in threads {
            for p in t.posts where !p.placeholder {
                let own = BodyParser.ownText(p.body)
                guard words.allSatisfy({ own.containsIgnoringCaseAndAccents($0) }) else { continue }
                hits.append(SearchHit(thread: t.id, title: t.title, post: p.id, author: p.displayAuthor, date: p.date,
                                      snippet: String(own.prefix(80))))
            }
        }
        return Array(hits.sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }.prefix(limit))
    }
}
