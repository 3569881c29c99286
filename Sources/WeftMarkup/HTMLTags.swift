import Foundation
import WeftModel

/// The text of an HTML fragment in Markdown (a block of raw HTML): tags dropped, the common entities decoded.
enum HTMLTags {
    static func text(_ html: String) -> String {
        var out = ""
        var inTag = false
        var tag = ""
        for c in html {
            if c == "<" { inTag = true; tag = ""; continue }
            if c == ">", inTag {
                inTag = false
                let name = tag.lowercased().prefix { $0.isLetter || $0 == "/" }
                if ["br", "p", "/p", "div", "/div", "li", "tr", "/tr"].contains(String(name)) { out += "\n" }
                continue
            }
            if inTag { tag.append(c) } else { out.append(c) }
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmed }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
