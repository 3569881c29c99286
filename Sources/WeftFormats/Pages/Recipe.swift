import Foundation

/// How to read one forum engine's saved thread pages: data, not code.
///
/// Each built-in engine is a TOML file in the repository's `recipes/engines/`
/// folder, read by the same loader (``Recipe/parse(_:file:)``) as a user's own
/// recipes, the way the default keys go through the keys parser. Every field is
/// an XPath 1.0 expression evaluated by libxml2, with an optional regular
/// expression to cut the value; `docs/recipes.md` describes the format.
public struct Recipe: Sendable {
    /// The engine's name, as messages and `weft recipe test` show it ("phpBB 3").
    public var engine: String
    /// The file the recipe came from, for messages.
    public var file: String
    /// Expressions of which at least one selects something on the engine's pages.
    var detect: [XPathQuery]
    /// How numeric dates are ordered on the engine's pages when the text alone cannot tell.
    var dateOrder: ForumDate.Order

    /// The thread's title.
    var title: FieldRule
    /// The forum's name (the last breadcrumb, or the site's name).
    var forum: FieldRule?
    /// The thread's id on its forum (a topic number).
    var threadID: FieldRule?
    /// The address of the page or of its thread, to tell forums apart and resolve relative links.
    var url: FieldRule?

    /// The post containers.
    var post: XPathQuery
    /// The post's id on its forum, within a post container.
    var postID: FieldRule
    var author: FieldRule?
    var date: FieldRule?
    /// The post's body element.
    var body: XPathQuery
    /// The signature element, kept apart from the body.
    var signature: XPathQuery?
    /// Elements dropped from the body (edit notes, "Click to expand…", buttons).
    var remove: [XPathQuery]
    /// Attachment links of a post, listed after its body.
    var attachments: XPathQuery?

    /// Quote elements within a body.
    var quote: XPathQuery?
    /// The quoted author's name, within a quote element.
    var quoteAuthor: FieldRule?
    /// The quoted post's id, within a quote element.
    var quotePost: FieldRule?
    /// Elements of a quote that are its heading ("bob wrote:"), not quoted text.
    var quoteHeader: [XPathQuery]
}
