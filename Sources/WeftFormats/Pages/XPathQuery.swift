import CLibXML2
import Foundation

/// An XPath 1.0 expression compiled once by libxml2 and evaluated on many pages.
///
/// A compiled expression is only read while it is evaluated, each page with its
/// own context, so one recipe serves pages parsed on every core.
final class XPathQuery: @unchecked Sendable {
    let expression: String
    let compiled: xmlXPathCompExprPtr

    /// Compiles `expression`; nil when it is not XPath 1.0.
    init?(_ expression: String) {
        HTMLPage.silenceLibxml()
        guard !expression.isEmpty, let compiled = xmlXPathCompile(expression) else { return nil }
        self.expression = expression
        self.compiled = compiled
    }

    deinit { xmlXPathFreeCompExpr(compiled) }
}
