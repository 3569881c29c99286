import Foundation
import Testing
import WeftModel
@testable import WeftMarkup

/// Markdown, with Discourse's and Reddit's additions, read into blocks and styled runs.
struct MarkdownParserTests {
    /// A run as text: "text{styles}#link".
    static func describe(_ run: Run) -> String {
        let names: [(InlineStyle, String)] = [(.emphasis, "em"), (.strong, "strong"), (.code, "code"), (.strike, "strike"),
                                              (.link, "link"), (.image, "image"), (.mention, "mention"), (.spoiler, "spoiler"),
                                              (.superscript, "sup"), (.emoji, "emoji"), (.underline, "u")]
        let styles = names.filter { run.style.contains($0.0) }.map(\.1)
        return run.text + (styles.isEmpty ? "" : "{\(styles.joined(separator: ","))}") + (run.link.map { "#\($0)" } ?? "")
    }

    static func firstParagraph(_ body: ParsedBody) -> [String] {
        for block in body.blocks { if case .paragraph(let t) = block { t.checkInvariants(); return t.runs.map(describe) } }
        return []
    }

    /// (what, markdown, flavor, runs of the first paragraph).
    static let inlineCases: [(String, String, MarkdownParser.Flavor, [String])] = [
        ("emphasis, strong, code and strike-through", "*em* **strong** `code` ~~gone~~", .commonMark,
         ["em{em}", " ", "strong{strong}", " ", "code{code}", " ", "gone{strike}"]),
        ("a link keeps its text and numbers its target", "see [the guide](https://a.example/g) now", .commonMark,
         ["see ", "the guide{link}#0", " now"]),
        ("a bare address is a link", "at https://x.example/a.", .commonMark, ["at ", "https://x.example/a{link}#0", "."]),
        ("an upload:// image is named, not linked", "![photo of the bay|690x207](upload://abc.jpeg)", .newlinesBreak,
         ["[image: photo of the bay]{image}"]),
        ("an image with an address is linked", "![](https://i.example/cat.png)", .commonMark, ["[image: cat.png]{image}#0"]),
        ("embedded media is shown like a picture", "[video: Trailer](https://v.example/t)", .newlinesBreak, ["[video: Trailer]{image}#0"]),
        ("an emoji shortcode becomes the emoji", "done :tada:", .newlinesBreak, ["done ", "🎉{emoji}"]),
        ("an unknown shortcode stays as written", "at 10:30:00 :nosuchemoji:", .newlinesBreak, ["at 10:30:00 :nosuchemoji:"]),
        ("Reddit superscript, one word and a group", "E=mc^2 and ^(two words)", .commonMark,
         ["E=mc", "2{sup}", " and ", "two words{sup}"]),
        ("a caret is text on Discourse", "2^10", .newlinesBreak, ["2^10"]),
        ("a Reddit spoiler", "it was >!the butler!< all along", .commonMark, ["it was ", "the butler{spoiler}", " all along"]),
        ("a Discourse spoiler", "[spoiler]hidden[/spoiler] end", .newlinesBreak, ["hidden{spoiler}", " end"]),
        ("mentions", "@alice and u/bob", .commonMark, ["@alice{mention}", " and ", "u/bob{mention}"]),
        ("an address with @ is a mail link, not a mention", "mail ann@example.org", .commonMark, ["mail ", "ann@example.org{link}#0"]),
        ("a newline breaks on Discourse", "one\ntwo", .newlinesBreak, ["one\ntwo"]),
        ("a newline is a space in CommonMark", "one\ntwo", .commonMark, ["one two"]),
        ("the same target twice is one link", "[a](https://x.example) [b](https://x.example)", .commonMark,
         ["a{link}#0", " ", "b{link}#0"]),
        ("a backslash escape is the character", "2\\*3\\*4", .newlinesBreak, ["2*3*4"]),
    ]

    @Test("inline marks", arguments: inlineCases)
    func inline(what: String, markdown: String, flavor: MarkdownParser.Flavor, expected: [String]) {
        #expect(Self.firstParagraph(MarkdownParser.parse(markdown, flavor: flavor)) == expected, "\(what)")
    }

    @Test func linksAreNumberedOnceInReadingOrder() {
        let body = MarkdownParser.parse("[a](https://one.example) https://two.example\n\n> [c](https://one.example)", flavor: .commonMark)
        #expect(body.links.map(\.url) == ["https://one.example", "https://two.example"])
        #expect(body.links[0].text == "a")
    }

    @Test func aDiscourseQuoteKeepsItsSource() throws {
        let body = MarkdownParser.parse("[quote=\"ann, post:3, topic:9\"]\nwe *agreed*\n[/quote]\n\nNot quite.", flavor: .newlinesBreak)
        guard case .quote(let quote) = body.blocks.first, case .paragraph(let reply) = body.blocks.last else {
            Issue.record("blocks: \(body.blocks)")
            return
        }
        #expect(quote.author == "ann" && quote.postNumber == 3 && quote.topicID == 9)
        #expect(quote.ownText == "we agreed")
        #expect(reply.plain == "Not quite.")
    }

    /// (what, markdown, the blocks in short).
    static let blockCases: [(String, String, [String])] = [
        ("a blockquote with its attribution", "Ann wrote:\n\n> yes\n\nno", ["quote(Ann wrote:|yes)", "p(no)"]),
        ("a bulleted list", "- a\n- b", ["list(-|a|b)"]),
        ("a numbered list keeps its start", "3. x\n4. y", ["list(3|x|y)"]),
        ("headings and a rule", "# Title\n\ntext\n\n---", ["h1(Title)", "p(text)", "rule"]),
        ("a diff fence is a patch", "```diff\n-a\n+b\n```", ["patch(-a\n+b)"]),
        ("other fences are code", "```swift\nlet x = 1\n```", ["code(let x = 1)"]),
        ("a table", "| a | b |\n|---|---|\n| 1 | 2 |", ["table(a,b|1,2)"]),
        ("raw HTML is read as text", "<div>one<br>two</div>", ["p(one\ntwo)"]),
    ]

    static func short(_ block: Block) -> String {
        switch block {
        case .paragraph(let t): return "p(\(t.plain))"
        case .heading(let level, let t): return "h\(level)(\(t.plain))"
        case .quote(let q): return "quote(\(q.attribution ?? "")|\(q.ownText))"
        case .list(let l): return "list(\(l.ordered ? String(l.start) : "-")|" + l.items.map { $0.map(short).joined() }
            .map { $0.replacingOccurrences(of: "p(", with: "").replacingOccurrences(of: ")", with: "") }.joined(separator: "|") + ")"
        case .code(let s): return "code(\(s))"
        case .patch(let s): return "patch(\(s))"
        case .rule: return "rule"
        case .table(let t): return "table(" + ([t.header] + t.rows).map { $0.map(\.plain).joined(separator: ",") }.joined(separator: "|") + ")"
        }
    }

    @Test("blocks", arguments: blockCases)
    func blocks(what: String, markdown: String, expected: [String]) {
        #expect(MarkdownParser.parse(markdown, flavor: .newlinesBreak).blocks.map(Self.short) == expected, "\(what)")
    }

    @Test func deepNestingIsReadAsTextWithoutRunningOutOfStack() {
        let deep = String(repeating: ">", count: 20_000) + " bottom"
        let body = MarkdownParser.parse(deep, flavor: .commonMark)
        #expect(body.quotes.count == MarkdownParser.maxDepth)
        let emphasis = String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000)
        #expect(!MarkdownParser.parse(emphasis, flavor: .commonMark).blocks.isEmpty)
    }
}

extension MarkdownParserTests {
    @Test func postsParsedOnManyThreadsAtOnceKeepTheirStrikeThrough() {
        // cmark keeps the extensions' special characters for the whole process; parsers on two threads
        // once took them from each other.
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 {
                let runs = Self.firstParagraph(MarkdownParser.parse("a ~~b~~ c", flavor: .commonMark))
                if runs != ["a ", "b{strike}", " c"] { failures.add(1) }
            }
        }
        #expect(failures.value == 0)
    }
}

/// A counter several threads add to.
final class Locked: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ count: Int) { self.count = count }
    func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
