import WeftModel

/// Parses any post body for display, by its format: the one place that picks a parser.
public enum RichBody {
    /// The body's blocks, inline runs and numbered links.
    ///
    /// Plain text (mail, saved pages read as text) keeps its lines and `>` quotes and gains only bare
    /// URLs and BBCode tags; Markdown and text derived from HTML go through cmark.
    public static func parse(_ body: String, format: BodyFormat) -> ParsedBody {
        switch format {
        case .plain: return BodyParser.parseRich(body)
        case .markdown, .html: return MarkdownParser.parse(body, flavor: .newlinesBreak)
        case .commonmark: return MarkdownParser.parse(body, flavor: .commonMark)
        }
    }
}
