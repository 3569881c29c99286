import WeftModel

/// A parsed body laid out as the post pane would lay it out, without a thread or a browser: for tools and
/// the fuzzer, which must reach the layout of anything a parser can produce.
public enum PostRendering {
    /// The body's lines at `width` columns, long quotes folded, spoilers hidden, links listed.
    public static func lines(_ body: ParsedBody, width: Int, ascii: Bool = false, reflow: Bool = false) -> [StyledLine] {
        var renderer = BlockRenderer(width: width, unfold: false, ascii: ascii, unfoldKey: "z", links: body.links, reflow: reflow)
        return renderer.blocks(body.blocks, level: 0)
    }
}
