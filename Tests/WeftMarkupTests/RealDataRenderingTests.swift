import Foundation
import Testing
import WeftFormats
import WeftModel
import WeftTestSupport
@testable import WeftMarkup

/// The real discussions in `../shared/data` read as their sites show them: no Markdown syntax left where
/// the parser consumed it, and every link the source holds reachable, counted independently with Python.
@Suite(.enabled(if: SharedData.has("data"), "../shared/data is absent"))
struct RealDataRenderingTests {
    static let data = SharedData.url("data")

    /// (source under data/, Python that prints every link target the source holds, as a JSON list).
    static let sources: [(String, String)] = [
        ("discourse-criticalfallibilism", discourseLinks("discourse-criticalfallibilism/t_*.json")),
        ("discourse-urho3d-sample/json", discourseLinks("discourse-urho3d-sample/json/*.json")),
        ("reddit", """
            import json, glob, re
            out = set()
            def walk(x):
                if isinstance(x, dict):
                    if isinstance(x.get('body'), str):
                        b = x['body']
                        out.update(re.findall(r'\\]\\((https?://[^)\\s]+)\\)', b))
                    for v in x.values(): walk(v)
                elif isinstance(x, list):
                    for v in x: walk(v)
            for f in glob.glob('reddit/*.json'): walk(json.load(open(f)))
            print(json.dumps(sorted(out)))
            """),
        ("mbox-ksummit-discuss/ksummit-discuss.mbox", mailLinks("mailbox.mbox('mbox-ksummit-discuss/ksummit-discuss.mbox')")),
        ("maildir-notmuch", mailLinks("""
            [email.message_from_binary_file(open(os.path.join(d, f), 'rb'), policy=email.policy.compat32)
             for d, _, fs in os.walk('maildir-notmuch') if os.path.basename(d) in ('cur', 'new') for f in fs]
            """)),
    ]

    /// Python printing every address in the plain text of the messages `messages` lists, outside patches and fences.
    static func mailLinks(_ messages: String) -> String {
        """
        import mailbox, json, re, os, email, email.policy
        out = set()
        for m in \(messages.trimmingCharacters(in: .whitespacesAndNewlines)):
            part = next((p for p in m.walk() if p.get_content_type() == 'text/plain'), None)
            if part is None: continue
            text = (part.get_payload(decode=True) or b'').decode(part.get_content_charset() or 'utf-8', 'replace')
            fenced = False
            for line in text.replace('\\r\\n', '\\n').split('\\n'):
                # Patch lines and fenced code are code: their addresses are not links.
                if line.lstrip(' ').startswith('```') or line.lstrip(' ').startswith('~~~'): fenced = not fenced; continue
                if fenced or line[:1] in '+-@' or line.startswith(' ') or line.startswith('diff '): continue
                for u in re.findall(r'(?<![\\w/])https?://[^\\s<>"`{}|\\\\^\\[\\]]+', line):
                    u = u.rstrip('.,;:!?\\'*_')
                    while u.endswith(')') and u.count('(') < u.count(')'): u = u[:-1]
                    out.add(u)
        print(json.dumps(sorted(out)))
        """
    }

    /// Python printing the absolute targets of a Discourse export's links and pictures, as a reader sees them:
    /// not mentions, hashtags or anchors, not the avatar in a quote's title, not a onebox's inner links.
    static func discourseLinks(_ pattern: String) -> String {
        """
        import json, glob
        from html.parser import HTMLParser
        class P(HTMLParser):
            def __init__(s): super().__init__(); s.out = set(); s.skip = []
            def handle_starttag(s, tag, attrs):
                a = dict(attrs); cls = (a.get('class') or '').split()
                if tag in ('aside', 'div') and ('onebox' in cls or 'title' in cls):
                    s.skip.append(tag); return
                if s.skip:
                    if tag == s.skip[-1]: s.skip.append(tag)
                    return
                h = a.get('href') or ''
                if tag == 'a' and h.startswith('http') and not {'mention', 'hashtag', 'hashtag-cooked'} & set(cls):
                    s.out.add(h)
            def handle_endtag(s, tag):
                if s.skip and tag == s.skip[-1]: s.skip.pop()
        out = set()
        for f in glob.glob('\(pattern)'):
            d = json.load(open(f))
            posts = d.get('post_stream', {}).get('posts', []) if isinstance(d, dict) else []
            for p in posts:
                if p.get('raw'): continue
                parser = P(); parser.feed(p.get('cooked') or ''); out |= parser.out
        print(json.dumps(sorted(out)))
        """
    }

    /// What a reader must never see: syntax the parser should have consumed. In text derived from HTML only the
    /// syntax Weft itself wrote counts: the page's own text may say "**" or "[quote]" and shows it on the site too.
    static let leftovers = ["](http", "![", "**", "[quote", "[/quote]", "upload://", "~~", "[spoiler]", ">!"]
    static let writtenByWeft = ["](http", "]("]

    @Test("links reachable and no syntax left", arguments: sources)
    func readsAsOnItsSite(source: String, script: String) throws {
        let batch = try Importer.read(Self.data.appendingPathComponent(source).path)
        var weftLinks: Set<String> = []
        var leftover: [String] = []
        var posts = 0
        for thread in batch.threads {
            for post in thread.posts where !post.placeholder {
                posts += 1
                let body = RichBody.parse(post.body, format: post.format)
                #expect(Set(body.links.map(\.url)).count == body.links.count, "a link listed twice in \(post.id)")
                weftLinks.formUnion(body.links.map(\.url))
                guard post.format != .plain else { continue }
                let watched = post.format == .html ? Self.writtenByWeft : Self.leftovers
                for text in Self.prose(body.blocks) {
                    if let bad = watched.first(where: { text.contains($0) }) { leftover.append("\(post.id): \(bad) in \(text.prefix(80))") }
                }
            }
        }
        #expect(posts > 0)
        #expect(leftover.isEmpty, "\(leftover.count) posts show syntax: \(leftover.prefix(5))")
        guard let out = runPython(script, in: Self.data),
              let expected = try JSONSerialization.jsonObject(with: out) as? [String] else {
            Issue.record("the Python figure for \(source) could not be computed")
            return
        }
        print("\(source): \(posts) posts; Python finds \(expected.count) link targets, Weft numbers \(weftLinks.count)")
        #expect(expected.count > 5, "python found \(expected.count) links")
        let missing = expected.filter { !weftLinks.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) of \(expected.count) links cannot be reached: \(missing.prefix(8))")
    }

    /// The text of every run outside code, in reading order.
    static func prose(_ blocks: [Block]) -> [String] {
        var out: [String] = []
        func runs(_ t: RichText) { out += t.runs.filter { !$0.style.contains(.code) }.map(\.text) }
        for block in blocks {
            switch block {
            case .paragraph(let t), .heading(_, let t): runs(t)
            case .quote(let q): out += prose(q.blocks)
            case .list(let l): for item in l.items { out += prose(item) }
            case .table(let t): for row in [t.header] + t.rows { row.forEach(runs) }
            case .code, .patch, .rule: break
            }
        }
        return out
    }
}
