import Foundation

/// Finds the post each quote comes from, so the UI can follow it.
///
/// For each quote, in order of preference:
/// 1. the post number in a Discourse attribution (`post:N`);
/// 2. the quoted author's nearest earlier post that contains the quoted text, preferring
///    one that says it in its own words over one that quotes it in turn;
/// 3. the nearest earlier post that contains the quoted text (own words first, likewise);
/// 4. the quoted author's nearest earlier post, when the text is found nowhere (``Method/authorOnly``).
public struct QuoteResolver: Sendable {
    /// How a quote's source was found.
    public enum Method: String, Sendable, Equatable {
        case postNumber, authorName, textMatch
        /// The quoted author's nearest earlier post; the quoted text was not found in it.
        case authorOnly
    }

    /// Where one quote in a post comes from.
    public struct Source: Sendable, Equatable {
        /// The index of the quote in ``ParsedBody/quotes`` order.
        public var quote: Int
        /// The quote's nesting level, 1 for outermost.
        public var level: Int
        /// The quoted post's place in the thread, or `nil` when it was not found.
        public var post: PostIndex?
        /// How the post was found, when it was.
        public var method: Method?
    }

    /// Quoted text shorter than this is too common to match on.
    static let minProbe = 12
    /// Up to how many posts a quote's text is searched in one by one, without the word index.
    static let linearSearchLimit = 64
    /// How much of the quoted text is matched.
    static let probeLength = 80

    private let posts: [Post]
    /// Each post's normalised text, made when a quote first needs it: opening a 5,000-post
    /// thread must not normalise 5,000 bodies.
    private let normalized: LazyTexts
    /// Each post's normalised own words (without its quotes), made on first use likewise.
    private let normalizedOwn: LazyTexts
    /// The indices of each author's posts (lower-cased name), in order.
    private let postsByAuthor: [String: [Int]]
    /// Each post's author, lower-cased.
    private let authorKeys: [String?]
    /// The first post with each source number.
    private let postByNumber: [Int: Int]
    /// Which posts hold each word, built when a quote is first searched for by its text alone.
    private let words = WordPostings()

    /// Prepares to resolve quotes among the posts of one thread.
    public init(posts: [Post]) {
        self.posts = posts
        self.normalized = LazyTexts(count: posts.count)
        self.normalizedOwn = LazyTexts(count: posts.count)
        var byAuthor: [String: [Int]] = [:]
        let keys = posts.map { $0.author?.lowercased() }
        for (i, key) in keys.enumerated() { if let key { byAuthor[key, default: []].append(i) } }
        self.postsByAuthor = byAuthor
        self.authorKeys = keys
        var byNumber: [Int: Int] = [:]
        for (i, post) in posts.enumerated() { if let n = post.number, byNumber[n] == nil { byNumber[n] = i } }
        self.postByNumber = byNumber
    }

    /// Whether post `i`'s normalised text contains `probe`.
    private func post(_ i: Int, contains probe: [UInt8]) -> Bool {
        ByteSearch.contains(normalized.bytes(i) { QuoteResolver.normalize(posts[i].body) }, probe)
    }

    /// Whether post `i`'s own words (its quotes left out) contain `probe`.
    private func post(_ i: Int, says probe: [UInt8]) -> Bool {
        guard post(i, contains: probe) else { return false }
        return ByteSearch.contains(normalizedOwn.bytes(i) { QuoteResolver.normalize(BodyParser.ownText(posts[i].body)) }, probe)
    }

    /// The sources of every quote in the post at `index`.
    public func sources(forPost index: PostIndex, body: ParsedBody) -> [Source] {
        body.quotes.enumerated().map { (n, item) in
            let (post, method) = resolve(item.quote, from: index.value)
            return Source(quote: n, level: item.level, post: post.map(PostIndex.init), method: method)
        }
    }

    private func resolve(_ quote: Quote, from index: Int) -> (Int?, Method?) {
        if let number = quote.postNumber, let target = post(numbered: number), target != index {
            return (target, .postNumber)
        }
        let probe = QuoteResolver.probe(quote.ownText).map { Array($0.utf8) }
        var byAuthor: [Int] = []
        if let name = quote.author?.lowercased() {
            byAuthor = (postsByAuthor[name] ?? []).reversed().filter { $0 < index }
        }
        guard let probe else { return byAuthor.first.map { ($0, .authorOnly) } ?? (nil, nil) }
        // A long search goes only through the posts holding the probe's rarest word, so resolving every
        // quote of a 5,000-post thread stays near linear; a short one needs no index.
        var holding: [Int]?
        func holdingProbe() -> [Int]? {
            if holding == nil {
                holding = words.posts(holdingRarestWordOf: probe, before: index) {
                    // Every text is needed at once here, so they are normalised on every core.
                    let all = posts.parallelMap { Array(QuoteResolver.normalize($0.body).utf8) }
                    normalized.fill(all)
                    return all
                }
            }
            return holding
        }
        func firstHolding(_ list: [Int]) -> Int? {
            list.first { post($0, says: probe) } ?? list.first { post($0, contains: probe) }
        }
        if let name = quote.author?.lowercased(), !byAuthor.isEmpty {
            let authored = byAuthor.count > QuoteResolver.linearSearchLimit
                ? holdingProbe().map { $0.filter { authorKeys[$0] == name } } ?? byAuthor : byAuthor
            if let hit = firstHolding(authored) { return (hit, .authorName) }
        }
        let earlier = (index > QuoteResolver.linearSearchLimit ? holdingProbe() : nil)
            ?? Array(stride(from: index - 1, through: 0, by: -1))
        if let hit = firstHolding(earlier) { return (hit, .textMatch) }
        if let nearest = byAuthor.first { return (nearest, .authorOnly) }
        return (nil, nil)
    }

    /// The index of the post with the given source number, or the Nth post when none carries numbers.
    private func post(numbered number: Int) -> Int? {
        if let i = postByNumber[number] { return i }
        return postByNumber.isEmpty && number >= 1 && number <= posts.count ? number - 1 : nil
    }

    /// The start of a quote's own text, normalised, when it is long enough to match on.
    static func probe(_ text: String) -> String? {
        let n = normalize(text)
        guard n.count >= minProbe else { return nil }
        return String(n.prefix(probeLength))
    }

    /// Lower-cased text with quote prefixes, punctuation runs and white space folded to single spaces.
    ///
    /// One pass over the scalars into bytes: ASCII (most of any text) is folded by arithmetic, and only
    /// other scalars ask Unicode's properties, each lower-cased on its own. A single curly apostrophe
    /// must not send a whole long post through `lowercased()` and the property tables.
    static func normalize(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func word(_ append: () -> Void) {
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            append()
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for b in text.utf8 {
                let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) { word { bytes.append(lower) } } else { pendingSpace = true }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) { word { bytes.append(lower) } } else { pendingSpace = true }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word { bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8) }
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Texts made on first use, one per index, shared by copies of the resolver.
final class LazyTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [[UInt8]?]

    init(count: Int) { texts = Array(repeating: nil, count: count) }

    /// Sets every text at once, keeping any already made.
    func fill(_ all: [[UInt8]]) {
        lock.withLock { for i in texts.indices where texts[i] == nil { texts[i] = all[i] } }
    }

    /// The bytes of text `i`, made by `make` the first time.
    func bytes(_ i: Int, make: () -> String) -> [UInt8] {
        if let t = lock.withLock({ texts[i] }) { return t }
        let made = Array(make().utf8)
        lock.withLock { texts[i] = made }
        return made
    }
}
