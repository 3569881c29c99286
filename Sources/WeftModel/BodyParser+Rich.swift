extension BodyParser {
    /// Parses a plain-text body for display: the blocks of ``parse(_:)``, with inline marks (bare URLs,
    /// BBCode tags) as styled runs, and the links numbered in reading order (quotes included), once each.
    public static func parseRich(_ body: String) -> ParsedBody {
        var normalized = body.utf8.contains(13) ? body.replacingCRLF() : body
        let signature = splitSignature(&normalized)
        var table = LinkTable()
        let blocks = enrich(blocks(in: normalized[...], depth: 0), links: &table)
        // The signature's addresses are links too, numbered after the body's.
        let signatureText = signature.map { PlainInline.rich($0, links: &table) }
        var parsed = ParsedBody(blocks: blocks, links: table.links)
        parsed.signature = signatureText
        return parsed
    }

    /// How long a mail signature may be; a longer tail after `-- ` is taken as text.
    static let signatureLines = 15

    /// Cuts a signature (what follows the last `-- ` line, RFC 3676's separator) off a body and returns it.
    static func splitSignature(_ body: inout String) -> String? {
        guard let range = body.range(of: "\n-- \n", options: .backwards) ?? (body.hasPrefix("-- \n") ? body.range(of: "-- \n") : nil)
        else { return nil }
        let tail = body[range.upperBound...]
        guard tail.split(separator: "\n", omittingEmptySubsequences: false).count <= signatureLines,
              !tail.trimmed.isEmpty else { return nil }
        let signature = String(tail)
        body = String(body[..<range.lowerBound])
        return signature
    }

    /// Paragraphs wholly inside quotation marks made quotes, as the plain parse makes them (for Markdown).
    public static func groupingQuotationMarks(_ blocks: [Block]) -> [Block] {
        QuotationMarks.group(blocks).map { block in
            guard case .quote(var quote) = block else { return block }
            quote.blocks = groupingQuotationMarks(quote.blocks)
            return .quote(quote)
        }
    }

    /// The blocks with every paragraph's inline marks found.
    static func enrich(_ blocks: [Block], links: inout LinkTable) -> [Block] {
        blocks.map { block in
            switch block {
            case .paragraph(let text):
                return .paragraph(PlainInline.rich(text.plain, links: &links))
            case .quote(var quote):
                quote.blocks = enrich(quote.blocks, links: &links)
                return .quote(quote)
            default:
                return block
            }
        }
    }
}
