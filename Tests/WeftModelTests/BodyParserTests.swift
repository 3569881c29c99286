import Testing
@testable import WeftModel

/// A parsed body drawn compactly: P(text) paragraphs, C(text) code, Q[style|author|#n](…) quotes.
func outline(_ blocks: [Block]) -> String {
    blocks.map { block in
        switch block {
        case .paragraph(let t): return "P(\(t.plain))"
        case .code(let t): return "C(\(t))"
        case .patch(let t): return "D(\(t))"
        case .quote(let q):
            var head = q.style.rawValue
            if let a = q.author { head += "|" + a }
            if let n = q.postNumber { head += "|#\(n)" }
            return "Q[\(head)](\(outline(q.blocks)))"
        default: return "?"
        }
    }.joined(separator: " ")
}

struct BodyParserTests {
    static let cases: [(String, String, String)] = [
        ("plain paragraphs split on blank lines", "one\ntwo\n\nthree", "P(one\ntwo) P(three)"),
        ("an email quote keeps its attribution line",
         "On Mon, 3 Mar 2025, Ann Lee <ann@x.org> wrote:\n> hello\n\nreply",
         "Q[prefixed|Ann Lee](P(hello)) P(reply)"),
        ("email quotes nest three deep",
         "c wrote:\n> b wrote:\n>> a wrote:\n>>> deepest\n>> middle\n> top\n\nmine",
         "Q[prefixed|c](Q[prefixed|b](Q[prefixed|a](P(deepest)) P(middle)) P(top)) P(mine)"),
        ("markdown blockquotes are quotes", "> quoted\n> more\n\ntext", "Q[prefixed](P(quoted\nmore)) P(text)"),
        ("discourse bbcode carries name and post number",
         "[quote=\"ann, post:3, topic:9\"]\nhi\n[/quote]\nok",
         "Q[bbcode|ann|#3](P(hi)) P(ok)"),
        ("bbcode quotes nest three deep",
         "[quote=\"c\"]\n[quote=\"b\"]\n[quote=\"a\"]\nx\n[/quote]\ny\n[/quote]\nz\n[/quote]",
         "Q[bbcode|c](Q[bbcode|b](Q[bbcode|a](P(x)) P(y)) P(z))"),
        ("a bare bbcode quote has no author", "[quote]\nx\n[/quote]", "Q[bbcode](P(x))"),
        ("an unclosed bbcode quote stays text", "[quote=\"a\"]\nx", "P([quote=\"a\"]\nx)"),
        ("a paragraph in quotation marks is a quote",
         "intro\n\n\u{201C}A long passage quoted from somewhere else, long enough to be a passage.\u{201D}",
         "P(intro) Q[quotationMarks](P(A long passage quoted from somewhere else, long enough to be a passage.))"),
        ("short quoted dialogue is not a quote", "\"Hi,\" she said.", "P(\"Hi,\" she said.)"),
        ("fenced code is kept verbatim", "```\n> not a quote\n```\nafter", "C(> not a quote) P(after)"),
        ("CRLF line ends are normalised", "a\r\n\r\nb", "P(a) P(b)"),
    ]

    @Test("bodies split into blocks", arguments: cases)
    func parses(name: String, body: String, expected: String) {
        #expect(outline(BodyParser.parse(body).blocks) == expected, "\(name)")
    }

    @Test func quotesAreListedWithTheirLevels() {
        let body = BodyParser.parse("c wrote:\n> b wrote:\n>> a wrote:\n>>> x\n\n[quote=\"d\"]\ny\n[/quote]")
        #expect(body.quotes.map(\.level) == [1, 2, 3, 1])
        #expect(body.quotes.map { $0.quote.author } == ["c", "b", "a", "d"])
        #expect(body.quotes[0].quote.attribution == "c wrote:")
    }

    @Test func quoteNestingTenThousandDeepIsCappedNotRecursed() {
        let body = BodyParser.parse(String(repeating: ">", count: 10_000) + " deep")
        #expect(body.quotes.count == BodyParser.maxDepth)
        #expect(body.quotes.last?.quote.ownText == "deep")
    }

    static let attributions: [(String, String?)] = [
        ("DD11 wrote:", "DD11"),
        ("On Tue, 3 Mar 2024 at 10:00, Bob Smith <bob@x.org> wrote:", "Bob Smith"),
        ("On 4 Mar 2025, 山田花子 wrote:", "山田花子"),
        ("<solo@x.org> wrote:", "solo@x.org"),
        ("\"Ann\" said:", "Ann"),
        ("Nothing to see here", nil),
    ]

    @Test("attribution lines name the quoted author", arguments: attributions)
    func readsAttribution(line: String, author: String?) {
        #expect(Attribution.author(in: line) == author)
    }

    static let linkCases: [(String, [String])] = [
        ("see https://example.org/a.", ["https://example.org/a"]),
        ("(https://example.org/wiki/Foo_(bar)) and http://x.y/z?q=1,", ["https://example.org/wiki/Foo_(bar)", "http://x.y/z?q=1"]),
        ("<https://example.org/p?a=1&b=2>", ["https://example.org/p?a=1&b=2"]),
        ("[the page](https://example.org/x) twice https://example.org/x", ["https://example.org/x"]),
        ("mail mailto:ann@example.org now", ["mailto:ann@example.org"]),
        ("nohttps://example.org", []),
    ]

    @Test("links are found without trailing punctuation", arguments: linkCases)
    func findsLinks(text: String, urls: [String]) {
        #expect(BodyParser.parse(text).links.map(\.url) == urls)
    }

    @Test func markdownLinksKeepTheirText() {
        #expect(BodyParser.parse("[the page](https://example.org/x)").links.first?.text == "the page")
    }
}

/// What store-wide search indexes: a post's own words, never what it quotes.
struct OwnTextTests {
    static let cases: [(body: String, kept: [String], dropped: [String])] = [
        ("Just words, no quotes.", ["Just words"], []),
        ("On Mon, Ann wrote:\n> the bridge was rebuilt\n> in 1890\n\nI think 1893.", ["I think 1893."], ["bridge", "Ann wrote"]),
        ("> top quote\nreply under it\n>> deeper\nlast word", ["reply under it", "last word"], ["top quote", "deeper"]),
        ("[quote=\"ann, post:3, topic:9\"]quoted bbcode[/quote]\nmy answer", ["my answer"], ["quoted bbcode"]),
        ("\"A passage long enough to count as a quotation from a paper, in marks.\"\n\nMy view.", ["My view."], ["passage"]),
        ("```\n> not a quote, code\n```\nafter", ["not a quote, code", "after"], []),
        ("Line one\r\n> quoted\r\nLine two", ["Line one", "Line two"], ["quoted"]),
    ]

    @Test("own text keeps the author's words and drops what they quote", arguments: cases)
    func ownTextDropsQuotes(body: String, kept: [String], dropped: [String]) {
        let own = BodyParser.ownText(body)
        for word in kept { #expect(own.contains(word), "\(own)") }
        for word in dropped { #expect(!own.contains(word), "\(own)") }
    }

    @Test func theMailFastPathAgreesWithTheFullParse() {
        let bodies = ["On Tue, Bo wrote:\n> a\n> b\n\nreply\n\nmore\n> c\nend", "x\n>y\nz", "> only quotes"]
        for body in bodies {
            let full = BodyParser.blocks(in: body[...], depth: 0, nested: false).compactMap { block -> String? in
                if case .paragraph(let t) = block { return t.plain }
                return nil
            }
            let fast = BodyParser.withoutPrefixedQuotes(body).split(separator: "\n").map(String.init).filter { !$0.trimmed.isEmpty }
            #expect(fast == full.flatMap { $0.split(separator: "\n").map(String.init) }, "\(body)")
        }
    }
}
