/// Who wrote each post, as people rather than spellings: posts from one mail address under several names
/// ("Theodore Ts'o", "Theodore Y. Ts'o", `tytso@mit.edu`) are one author, shown by their most used name.
///
/// Posts without an address (forums) are one author per name, as before.
public struct Authorship: Sendable {
    /// Each post's author key (``Post/authorKey``), by post index.
    public let keys: [String]
    /// The name each key is shown by.
    private let shown: [String: String]
    /// Every spelling each key was written with.
    private let spellings: [String: [String]]

    /// The authorship of a thread's posts (placeholders included, so indices match).
    public init(posts: [Post]) {
        keys = posts.map(\.authorKey)
        var counts: [String: [String: Int]] = [:]
        for (post, key) in zip(posts, keys) where !post.placeholder { counts[key, default: [:]][post.displayAuthor, default: 0] += 1 }
        var shown: [String: String] = [:]
        var spellings: [String: [String]] = [:]
        for (key, names) in counts {
            let ordered = names.sorted { Authorship.before(($0.key, $0.value), ($1.key, $1.value)) }.map(\.key)
            shown[key] = ordered.first
            spellings[key] = ordered
        }
        self.shown = shown
        self.spellings = spellings
    }

    /// Which of two spellings shows an author: the one with more posts; then a name over a bare address; then
    /// the alphabetically first. (The index's `authors` table orders the same way.)
    public static func before(_ a: (name: String, posts: Int), _ b: (name: String, posts: Int)) -> Bool {
        if a.posts != b.posts { return a.posts > b.posts }
        let aAddress = a.name.contains("@"), bAddress = b.name.contains("@")
        if aAddress != bAddress { return !aAddress }
        return a.name < b.name
    }

    /// The name post `index` is shown by.
    public func name(of index: Int, in posts: [Post]) -> String {
        shown[keys[index]] ?? posts[index].displayAuthor
    }

    /// Every spelling the author of post `index` wrote under, most used first.
    public func spellings(of index: Int, in posts: [Post]) -> [String] {
        spellings[keys[index]] ?? [posts[index].displayAuthor]
    }

    /// Authors with their post counts, most posts first, each by the name they are shown by.
    public func counts(in posts: [Post]) -> [(name: String, posts: Int)] {
        var byKey: [String: Int] = [:]
        for (post, key) in zip(posts, keys) where !post.placeholder { byKey[key, default: 0] += 1 }
        return byKey.map { (shown[$0.key] ?? $0.key, $0.value) }
            .sorted { Authorship.before(($0.0, $0.1), ($1.0, $1.1)) }
    }
}

extension Post {
    /// What makes one author of several spellings: the mail address when the post has one, else the name
    /// lower-cased (as ``ThreadQuery/authorKey(_:)`` keys names).
    ///
    /// A list that rewrites senders' addresses to its own ("Joel via Ksummit-discuss"
    /// `<ksummit-discuss@lists…>`, for DMARC) gives many people one address: there the name without the
    /// "via" is the author.
    public var authorKey: String {
        let name = displayAuthor
        if let via = name.range(of: " via ", options: .backwards), via.lowerBound > name.startIndex {
            return ThreadQuery.authorKey(String(name[..<via.lowerBound]))
        }
        return headers?.address ?? ThreadQuery.authorKey(name)
    }
}
