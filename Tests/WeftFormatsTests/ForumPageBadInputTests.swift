import Foundation
import Testing
import WeftTestSupport
@testable import WeftFormats
@testable import WeftModel

/// Saved pages that are broken, hostile or huge: each gives at most one clear line, and the rest goes on.
struct ForumPageBadInputTests {
    static let fixtures = SharedData.repository.appendingPathComponent("Tests/WeftFormatsTests/Fixtures/pages")

    static func fixture(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: fixtures.appendingPathComponent(name)), as: UTF8.self)
    }

    /// A page of the built-in Invision recipe with `posts` posts whose bodies are `body(i)`.
    static func invisionPage(posts: Int, body: (Int) -> String) -> String {
        var html = """
            <html><head><link rel="canonical" href="https://f.example/topic/7-t/"></head>
            <body class="ipsApp" data-pagecontroller="topic"><h1 class="ipsType_pageTitle">Big</h1>
            """
        for i in 0..<posts {
            html += """
                <article id="elComment_\(i + 1)"><h3 class="cAuthorPane_author"><a>user\(i % 7)</a></h3>
                <time datetime="2021-01-01T00:00:00Z"></time><div data-role="commentContent">\(body(i))</div></article>
                """
        }
        return html + "</body></html>"
    }

    @Test func aTruncatedPageGivesThePostsBeforeTheCut() throws {
        let page = try Self.fixture("invision4.html")
        let cut = page.index(page.startIndex, offsetBy: page.count * 2 / 3)
        let (extracted, _) = try ForumPages.extract(Array(page[..<cut].utf8))
        #expect(extracted.items.count == 2)
        #expect(extracted.items.map(\.author) == ["Kathrin", "ReifenRudi"])
    }

    @Test func aPageOfAnotherSiteIsRefusedInOneSentenceNamingTheEnginesTried() throws {
        let html = "<!DOCTYPE html><html><head><title>Recipes</title></head><body><article><p>Bake at 200°C.</p></article></body></html>"
        do {
            _ = try Importer.read(Data(html.utf8), source: "cake.html")
            Issue.record("imported a page that is no forum thread")
        } catch let error as ImportError {
            #expect(error.source == "cake.html")
            #expect(error.reason.hasPrefix("no recipe recognises this page as a forum thread (tried "))
            #expect(error.reason.contains("XenForo 2") && error.reason.contains("docs/recipes.md"))
            #expect(!error.reason.contains("\n"))
        }
        // Forcing --format text does not make HTML a text page either.
        #expect(throws: ImportError.self) { try Importer.read(Data(html.utf8), source: "cake.html", format: .text) }
    }

    @Test func deeplyNestedTablesInAPostAreReadWithoutCrashing() throws {
        let deep = String(repeating: "<table><tr><td>", count: 20_000) + "bottom" + String(repeating: "</td></tr></table>", count: 20_000)
        let page = Self.invisionPage(posts: 3) { $0 == 1 ? "before " + deep + " after" : "post \($0)" }
        let (extracted, _) = try ForumPages.extract(Array(page.utf8))
        #expect(extracted.items.count >= 1)
        #expect(extracted.items.first?.body == "post 0")
    }

    @Test func entitiesAreNotExpandedFromADoctype() throws {
        let bomb = "<!DOCTYPE html [<!ENTITY a \"" + String(repeating: "x", count: 1000) + "\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
        let page = bomb + Self.invisionPage(posts: 1) { _ in String(repeating: "&b;", count: 1000) + " &amp; fine" }
        let (extracted, _) = try ForumPages.extract(Array(page.utf8))
        #expect(extracted.items.count == 1)
        #expect((extracted.items.first?.body.utf8.count ?? .max) < 20_000)
    }

    @Test func aWholeDocumentEmbeddedInAPostStaysInsideThatPost() throws {
        let ad = "<div class='ad'><!DOCTYPE html><html><head><title>Ad</title></head><body><p>Buy now</p></body></html></div>"
        let page = Self.invisionPage(posts: 3) { $0 == 0 ? "first " + ad + " words" : "post \($0)" }
        let (extracted, _) = try ForumPages.extract(Array(page.utf8))
        #expect(extracted.items.map(\.author) == ["user0", "user1", "user2"])
        #expect(extracted.items[1].body == "post 1")
    }

    @Test func aLargePageOfManyPostsReadsEveryPost() throws {
        let paragraph = String(repeating: "A sentence of an ordinary forum post, long enough. ", count: 40)
        let page = Self.invisionPage(posts: 2_500) { "<p>\($0): \(paragraph)</p>" }
        #expect(page.utf8.count > 5_000_000)
        let (extracted, _) = try ForumPages.extract(Array(page.utf8))
        #expect(extracted.items.count == 2_500)
        #expect(extracted.items.last?.body.hasPrefix("2499: ") == true)
    }

    @Test func bytesThatAreNotTheDeclaredCharsetAreReplacedWithANote() throws {
        let page = Self.invisionPage(posts: 1) { _ in "caf|" }
        var bytes = Array(page.utf8)
        bytes.insert(contentsOf: [0xE9, 0xFF], at: bytes.firstIndex(of: UInt8(ascii: "|"))!)
        let (extracted, notes) = try ForumPages.extract(bytes)
        #expect(extracted.items.first?.body.hasPrefix("caf") == true)
        #expect(notes.contains { $0.contains("Windows-1252") || $0.contains("U+FFFD") })
    }

    @Test func anUnreadableDateIsUnknownWithANoteAndTheImportGoesOn() throws {
        let page = try Self.fixture("static-archive.html").replacingOccurrences(of: "15.02.2022 20:40", with: "99.99.2022 20:40")
        let recipe = try Recipe.load(path: Self.fixtures.appendingPathComponent("static-archive.toml").path)
        let (extracted, notes) = try ForumPages.extract(Array(page.utf8), recipes: RecipeBook(recipes: [recipe]))
        #expect(extracted.items.count == 4)
        #expect(extracted.items[2].date == nil)
        #expect(notes == ["post 3: the date \"99.99.2022 20:40\" could not be read; left unknown"])
    }
}

extension ForumPageBadInputTests {
    @Test func relativeDatesUseTheFilesModificationTimeWithANote() throws {
        let page = try Self.fixture("static-archive.html").replacingOccurrences(of: "16.02.2022 07:05", with: "Today 07:05")
        let text = try Self.fixture("static-archive.toml").replacingOccurrences(of: "' - ([0-9.]+ [0-9:]+)$'", with: "' - ([^-]+)$'")
        let book = RecipeBook(recipes: [try Recipe.parse(text, file: "static-archive.toml")])
        let modified = ForumDate.parse("2024-05-06T20:00:00Z")
        let (extracted, notes) = try ForumPages.extract(Array(page.utf8), recipes: book, modified: modified)
        #expect(extracted.items[3].date.flatMap { CivilTime($0).iso8601 } == "2024-05-06T07:05:00Z")
        #expect(notes.contains { $0.contains("modification time") && $0.contains("approximate") })
        // Without any save time the date is unknown, and says nothing wrong.
        let (unknown, _) = try ForumPages.extract(Array(page.utf8), recipes: book)
        #expect(unknown.items[3].date == nil)
    }

    @Test func httrackCommentsGiveTheSaveTimeAndTheAddress() {
        let head = "<!-- Mirrored from www.dostips.com/forum/viewtopic.php?t=8772 by HTTrack Website Copier/3.x [XR&CO'2014], Fri, 19 Oct 2018 06:21:31 GMT -->"
        let (url, date) = PageSource.saveComment(head)
        #expect(url == "www.dostips.com/forum/viewtopic.php?t=8772")
        #expect(date.flatMap { CivilTime($0).iso8601 } == "2018-10-19T06:21:31Z")
        let saved = PageSource.saveComment("<!-- saved from url=(0052)https://forum.example.org/showthread.php?t=9687 -->\n<html>")
        #expect(saved.0 == "https://forum.example.org/showthread.php?t=9687")
    }
}
