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
        /// The index of the quoted post in the thread, or `nil` when it was not found.
        public var post: Int?
        /// How the post was found, when it was.
        public var method: Method?
    }

    /// Quoted text shorter than this is too common to match on.
    static let minProbe = 12
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

    /// Prepares to resolve quotes among the posts of one thread.
    public init(posts: [Post]) {
        self.posts = posts
        self.normalized = LazyTexts(count: posts.count)
        self.normalizedOwn = LazyTexts(count: posts.count)
        var byAuthor: [String: [Int]] = [:]
        for (i, post) in posts.enumerated() { if let a = post.author { byAuthor[a.lowercased(), default: []].append(i) } }
        self.postsByAuthor = byAuthor
    }

    /// Whether post `i`'s normalised text contains `probe`.
    private func post(_ i: Int, contains probe: [UInt8]) -> Bool {
        normalized.bytes(i) { QuoteResolver.normalize(posts[i].body) }.firstRange(of: probe) != nil
    }

    /// Whether post `i`'s own words (its quotes left out) contain `probe`.
    private func post(_ i: Int, says probe: [UInt8]) -> Bool {
        guard post(i, contains: probe) else { return false }
        return normalizedOwn.bytes(i) { QuoteResolver.normalize(BodyParser.ownText(posts[i].body)) }.firstRange(of: probe) != nil
    }

    /// The sources of every quote in the post at `index`.
    public func sources(forPost index: Int, body: ParsedBody) -> [Source] {
        body.quotes.enumerated().map { (n, item) in
            let (post, method) = resolve(item.quote, from: index)
            return Source(quote: n, level: item.level, post: post, method: method)
        }
    }

    private func resolve(_ quote: Quote, from index: Int) -> (Int?, Method?) {
        if let number = quote.postNumber, let target = post(numbered: number), target != index {
            return (target, .postNumber)
        }
        let probe = QuoteResolver.probe(quote.ownText).map { Array($0.utf8) }
        let earlier = stride(from: index - 1, through: 0, by: -1)
        var byAuthor: [Int] = []
        if let name = quote.author?.lowercased() {
            byAuthor = (postsByAuthor[name] ?? []).reversed().filter { $0 < index }
            if let probe, let hit = byAuthor.first(where: { post($0, says: probe) })
                ?? byAuthor.first(where: { post($0, contains: probe) }) {
                return (hit, .authorName)
            }
        }
        if let probe, let hit = earlier.first(where: { post($0, says: probe) }) ?? earlier.first(where: { post($0, contains: probe) }) {
            return (hit, .textMatch)
        }
        if let nearest = byAuthor.first { return (nearest, .authorOnly) }
        return (nil, nil)
    }

    /// The index of the post with the given source number, or the Nth post when none carries numbers.
    private func post(numbered number: Int) -> Int? {
        if let i = posts.firstIndex(where: { $0.number == number }) { return i }
        let anyNumbered = posts.contains { $0.number != nil }
        return !anyNumbered && number >= 1 && number <= posts.count ? number - 1 : nil
    }

    /// The start of a quote's own text, normalised, when it is long enough to match on.
    static func probe(_ text: String) -> String? {
        let n = normalize(text)
        guard n.count >= minProbe else { return nil }
        return String(n.prefix(probeLength))
    }

    /// Lower-cased text with quote prefixes, punctuation runs and white space folded to single spaces.
    static func normalize(_ text: String) -> String {
        // ASCII text (most of it) is folded byte by byte; anything else by Unicode properties.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for b in text.utf8 {
                let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(lower)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace && !out.isEmpty { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}

/// Texts made on first use, one per index, shared by copies of the resolver.
final class LazyTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [[UInt8]?]

    init(count: Int) { texts = Array(repeating: nil, count: count) }

    /// The bytes of text `i`, made by `make` the first time.
    func bytes(_ i: Int, make: () -> String) -> [UInt8] {
        if let t = lock.withLock({ texts[i] }) { return t }
        let made = Array(make().utf8)
        lock.withLock { texts[i] = made }
        return made
    }
}
