/// A post's link targets, numbered once each in order of first appearance, for `l` and the list after the post.
public struct LinkTable: Sendable {
    /// The targets in order; a target named twice is here once.
    public private(set) var links: [Link] = []
    private var numbers: [String: Int] = [:]

    public init() {}

    /// The index of `url`, added if new; the first text given for it is kept.
    public mutating func add(_ url: String, text: String? = nil) -> Int {
        if let n = numbers[url] { return n }
        numbers[url] = links.count
        links.append(Link(url: url, text: text == url ? nil : text))
        return links.count - 1
    }
}
