import CLibXML2
import Foundation

/// What a recipe found in one post body, for ``HTMLText``'s renderer to apply as it writes the text.
final class PageHooks {
    /// A quote element and what the markup says of its source.
    struct QuoteMark {
        var author: String?
        /// The quoted post's id on the forum.
        var post: Int?
    }

    private var skipped: Set<UnsafeMutableRawPointer> = []
    private var quotes: [UnsafeMutableRawPointer: QuoteMark] = [:]
    /// The page's address, against which relative links and images are resolved.
    let base: URL?

    init(base: URL?) { self.base = base }

    /// Leaves `node` (and everything in it) out of the text.
    func skip(_ node: xmlNodePtr) { skipped.insert(UnsafeMutableRawPointer(node)) }

    func skips(_ node: xmlNodePtr) -> Bool { !skipped.isEmpty && skipped.contains(UnsafeMutableRawPointer(node)) }

    /// Renders `node` as a quote with this source.
    func mark(_ node: xmlNodePtr, as mark: QuoteMark) { quotes[UnsafeMutableRawPointer(node)] = mark }

    func quote(_ node: xmlNodePtr) -> QuoteMark? { quotes.isEmpty ? nil : quotes[UnsafeMutableRawPointer(node)] }

    /// A link target made absolute against the page's address; local anchors and scripts are left as they are.
    func absolute(_ href: String) -> String {
        guard !href.isEmpty, !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:"),
              URL(string: href)?.scheme == nil, let base,
              let url = URL(string: href, relativeTo: base)?.absoluteURL else { return href }
        return url.absoluteString
    }
}
