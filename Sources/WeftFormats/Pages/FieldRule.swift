import CLibXML2
import Foundation

/// A regular expression that cuts a value out of a field's text (the first capture group, or the whole match).
struct ValuePattern: @unchecked Sendable {
    let source: String
    let regex: NSRegularExpression

    init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: source, options: [.caseInsensitive]) else { return nil }
        self.source = source
        self.regex = regex
    }

    /// The part of `text` the pattern names, or nil when it does not match.
    func cut(_ text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: range) else { return nil }
        let group = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range
        return Range(group, in: text).map { String(text[$0]).trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}

/// How a recipe finds one value: XPath expressions tried in order, each with an optional pattern.
///
/// The first choice that yields a non-empty value wins. Within a choice, each selected node is
/// tried in document order, so `//a/@href` with the pattern `t=([0-9]+)` finds the first link
/// that names the topic.
struct FieldRule: Sendable {
    struct Choice: Sendable {
        var query: XPathQuery
        var pattern: ValuePattern?
    }

    var choices: [Choice]

    /// The field's value at `node`, or nil when no choice yields one.
    func value(in page: HTMLPage, at node: xmlNodePtr?) -> String? {
        for choice in choices {
            for text in page.texts(choice.query, at: node) where !text.isEmpty {
                guard let pattern = choice.pattern else { return text }
                if let cut = pattern.cut(text), !cut.isEmpty { return cut }
            }
        }
        return nil
    }
}
