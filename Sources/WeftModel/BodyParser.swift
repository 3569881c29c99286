/// Splits a post body into paragraphs, quotes and code, and finds its links.
///
/// Quotes are recognised in every form discussions use:
/// - `> ` prefixes at any depth (mail and Markdown), with an attribution line
///   such as "On Mon, Ann wrote:" kept with the quote it introduces;
/// - `[quote]`, `[quote="name"]` and Discourse `[quote="name, post:N, topic:T"]`;
/// - a paragraph, or run of paragraphs, wholly inside quotation marks.
///
/// Nesting deeper than ``maxDepth`` is not split further: the rest is kept as
/// text at that depth, so a `>>>>…` line ten thousand levels deep costs
/// linear time and no stack.
public enum BodyParser {
    /// How many quote levels are split out; deeper text stays inside the deepest quote.
    public static let maxDepth = 32

    /// Parses a body into blocks and links.
    public static func parse(_ body: String) -> ParsedBody {
        let normalized = body.utf8.contains(13) ? body.replacingCRLF() : body
        return ParsedBody(blocks: blocks(in: normalized[...], depth: 0), links: LinkScanner.links(in: normalized))
    }

    /// The body's blocks without its links, for callers that look only at quotes and paragraphs.
    static func blocksOnly(_ body: String) -> ParsedBody {
        let normalized = body.utf8.contains(13) ? body.replacingCRLF() : body
        return ParsedBody(blocks: blocks(in: normalized[...], depth: 0), links: [])
    }

    /// Parses text at a given quote depth: BBCode quotes first, then lines.
    ///
    /// With `nested` false a quote's content is kept as one unparsed paragraph
    /// (for callers that only want the top level).
    static func blocks(in text: Substring, depth: Int, nested: Bool = true) -> [Block] {
        var result: [Block] = []
        for segment in BBCode.segments(in: text, enabled: depth < maxDepth) {
            switch segment {
            case .text(let t):
                result.append(contentsOf: LineParser(depth: depth, nested: nested).parse(t))
            case .quote(let tag, let inner):
                let attribution = tag.author.map { "\($0) wrote:" }
                result.append(.quote(Quote(
                    style: .bbcode, attribution: attribution, author: tag.author,
                    postNumber: tag.postNumber, topicID: tag.topicID,
                    blocks: nested ? blocks(in: inner, depth: depth + 1) : [.plain(String(inner))])))
            }
        }
        return result
    }
}

extension String {
    /// The string with CRLF and lone CR line ends turned into LF.
    func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { out.unicodeScalars.append("\n"); previousCR = true; continue }
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
