import Foundation
import Testing
import WeftTestSupport
@testable import WeftFormats
@testable import WeftModel

struct ImporterTests {
    static let pageCases: [(String, String, [String])] = [
        ("three blank lines separate posts", "Forum\n\nTitle\n\n\nfirst\n\n\n\nsecond", ["first", "second"]),
        ("two blank lines stay inside a post", "Forum\nTitle\n\none\n\n\ntwo\n\n\n\n\nthree", ["one\n\n\ntwo", "three"]),
        ("CRLF pages read the same", "Forum\r\nTitle\r\n\r\nonly\r\n", ["only"]),
        ("white-space-only lines count as blank", "F\nT\n\na\n  \n\t\n \nb", ["a", "b"]),
    ]

    @Test("plain-text pages split into posts", arguments: pageCases)
    func splitsPages(name: String, page: String, bodies: [String]) throws {
        let thread = try PlainTextPage.parse(page, source: "x.txt")
        #expect(thread.posts.map(\.body) == bodies, "\(name)")
        #expect(thread.posts.dropFirst().allSatisfy { $0.parent == thread.posts[0].id })
        #expect(thread.posts.enumerated().allSatisfy { $0.element.id.hasPrefix("p\($0.offset + 1)-") })
    }

    static let badPages: [(String, String)] = [
        ("", "x.txt: line 1: the page is empty"),
        ("Only a forum\n", "x.txt: line 2: the page ends after the forum name, with no thread title"),
        ("Forum\nTitle\n\n\n", "x.txt: line 2: the page has a title but no posts after it"),
    ]

    @Test("bad pages name the file and line", arguments: badPages)
    func rejectsBadPages(page: String, message: String) {
        let error = #expect(throws: ImportError.self) { try PlainTextPage.parse(page, source: "x.txt") }
        #expect(error.map { "\($0)" } == message)
    }

    static let badJSON: [(String, String)] = [
        ("{\"thread\": {\"title\": \"t\", \"posts\": [{\"id\": \"a\"}]}}", "at thread.posts[0]: missing \"body\""),
        ("{\"thread\": {\"title\": \"t\", \"posts\": [{\"id\": \"a\", \"body\": 5}]}}", "at thread.posts[0].body: expected a string"),
        ("{\"forum\": \"f\"}", "at the top level: missing \"thread\""),
        ("{\"thread\": {\"title\": \"t\", \"posts\": [{\"id\": \"a\", \"body\": \"b\", \"date\": \"yesterday\"}]}}", "at thread.posts[0].date"),
        ("{\"thread\": ", "not valid JSON"),
        ("{\"weft\": 7, \"thread\": {\"title\": \"t\", \"posts\": []}}", "newer than this Weft"),
    ]

    @Test("bad JSON names the file and the place", arguments: badJSON)
    func rejectsBadJSON(json: String, fragment: String) {
        do {
            _ = try Importer.threads(from: Data(json.utf8), source: "in.json")
            Issue.record("accepted bad JSON")
        } catch {
            #expect("\(error)".hasPrefix("in.json: "))
            #expect("\(error)".contains(fragment), "\(error)")
        }
    }

    @Test func theFormatIsDetectedFromContentNotName() {
        #expect(ImportFormat.detect(Data("  \n{\"a\":1}".utf8)) == .json)
        #expect(ImportFormat.detect(Data("\u{FEFF}[1]".utf8)) == .json)
        #expect(ImportFormat.detect(Data("Forum\nTitle".utf8)) == .text)
    }

    @Test func nonUTF8TextNamesTheByteOffset() {
        var bytes = Array("Forum\nTitle\n\nab".utf8)
        bytes.append(0xFF)
        // `#expect(throws:)`: a test that passes when the bad input is taken is no test.
        let error = #expect(throws: ImportError.self) { try Importer.threads(from: Data(bytes), source: "bin.txt") }
        #expect(error.map { "\($0)" } == "bin.txt: byte 15: not UTF-8 text")
    }

    @Test func jsonExportThenImportGivesTheSameThread() throws {
        let thread = ForumThread(id: "t", title: "T", forum: "F", posts: [
            Post(id: "1", author: "ann", date: Date(timeIntervalSince1970: 1_700_000_000), body: "a"),
            Post(id: "2", author: nil, parent: "1", number: 2, body: "> a\n\nb", format: .markdown),
        ])
        let data = try WeftJSON.encode([thread])
        #expect(try Importer.threads(from: data, source: "x") == [thread])
    }
}
