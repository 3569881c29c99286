import Foundation
import Testing
import WeftRecipes
import WeftTestSupport
@testable import WeftFormats
@testable import WeftModel

/// Recipe files: the built-in engines load, mistakes are named by line, and a recipe written from
/// `docs/recipes.md` reads a forum no built-in recipe knows.
struct RecipeTests {
    static let fixtures = SharedData.repository.appendingPathComponent("Tests/WeftFormatsTests/Fixtures/pages")

    @Test func everyBuiltInRecipeLoadsThroughTheUserRecipeLoader() throws {
        let files = RecipeFiles.all()
        #expect(files.count == 12)
        for file in files { _ = try Recipe.parse(file.text, file: file.name) }
        #expect(RecipeBook.standard.recipes.count == files.count)
        #expect(Set(RecipeBook.standard.engineNames) == [
            "phpBB 2", "phpBB 3", "vBulletin 3", "vBulletin 4", "vBulletin 5", "XenForo 1", "XenForo 2",
            "SMF 2", "MyBB", "Invision 4", "NodeBB", "Discourse",
        ])
    }

    static let minimal = """
        engine = "Example"
        detect = ["//div[@class='msg']"]
        [thread]
        title = "//h1"
        [post]
        each = "//div[@class='msg']"
        id = "@id"
        body = "."
        """

    @Test(arguments: [
        ("engine = \"x\"\ndetect = [\"//a\"]\n[post]\neach = \"//a\"\nid = \"@id\"\nbody = \".\"\n", 1, "the [thread] table is missing"),
        (minimal + "\ncolour = \"red\"", 9, "unknown key \"colour\" in [post]"),
        (minimal.replacingOccurrences(of: "title = \"//h1\"", with: "title = \"//h1[\""), 4, "is not an XPath 1.0 expression"),
        (minimal.replacingOccurrences(of: "id = \"@id\"", with: "id = { xpath = \"@id\", regex = \"([0-9]+\" }"), 7, "regex is not a valid regular expression"),
        (minimal.replacingOccurrences(of: "id = \"@id\"", with: "id = { xpath = \"@id\", pattern = \"x\" }"), 7, "unknown key \"pattern\" in id"),
        (minimal.replacingOccurrences(of: "engine = \"Example\"\n", with: ""), 1, "engine = \"…\" is missing"),
        (minimal + "\ndate-order = 3", 1, ""),
        (minimal.replacingOccurrences(of: "[post]", with: "[post]\ndate-order = \"dmy\""), 6, "unknown key \"date-order\" in [post]"),
        ("engine = \"x\"\n[thread\n", 2, "column"),
    ])
    func aBrokenRecipeIsReportedWithItsFileAndLine(text: String, line: Int, reason: String) {
        do {
            _ = try Recipe.parse(text, file: "mine.toml")
            Issue.record("accepted: \(text)")
        } catch let error as RecipeError {
            #expect(error.file == "mine.toml")
            if !reason.isEmpty {
                #expect(error.line == line, "\(error)")
                #expect(error.reason.contains(reason), "\(error)")
                #expect(error.description.hasPrefix("mine.toml:\(line): "))
            }
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aRecipeWrittenFromTheDocumentationReadsAForumNoBuiltInRecipeKnows() throws {
        let page = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("static-archive.html")))
        // No built-in engine knows the page, and the refusal names them and the documentation.
        do {
            _ = try Importer.read(Data(page), source: "static-archive.html")
            Issue.record("a page no recipe knows was imported")
        } catch let error as ImportError {
            #expect(error.reason.contains("phpBB 3") && error.reason.contains("docs/recipes.md"))
        }
        let recipe = try Recipe.load(path: Self.fixtures.appendingPathComponent("static-archive.toml").path)
        let book = RecipeBook(recipes: [recipe] + RecipeBook.standard.recipes)
        let thread = try Importer.read(Data(page), source: "static-archive.html", recipes: book).threads[0]
        #expect(thread.title == "Sourdough starter keeps dying")
        #expect(thread.forum == "Bread")
        #expect(thread.posts.map(\.author) == ["amira", "jonas", "amira", "teodor"])
        #expect(thread.posts.map(\.id) == ["9001", "9004", "9010", "9011"])
        #expect(thread.posts.allSatisfy { $0.date != nil })
        #expect(thread.posts[1].parent == "9001" && thread.posts[1].inferred == .quote)
        #expect(thread.posts[3].signature == "teodor bakes on Saturdays")
        #expect(!thread.posts[3].body.contains("Saturdays"))
    }

    @Test func thePhpBB2InvisionAndDiscourseFixturesReadAsThreads() throws {
        let cases: [(file: String, engine: String, authors: [String], linked: Int, title: String)] = [
            ("phpbb2-subsilver.html", "phpBB 2", ["Costis", "mariela", "Costis"], 0, "Old times on the café board"),
            ("invision4.html", "Invision 4", ["Kathrin", "ReifenRudi", "Kathrin"], 1, "Winterreifen: welche Größe?"),
            ("discourse-crawler.html", "Discourse", ["hollis", "dana", "hollis"], 1, "Backing up a self-hosted instance"),
        ]
        for c in cases {
            let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(c.file)))
            let (page, notes) = try ForumPages.extract(bytes)
            #expect(page.engine == c.engine)
            #expect(page.title == c.title)
            #expect(page.items.map(\.author) == c.authors, "\(c.file)")
            #expect(page.items.map(\.linkedQuotes).reduce(0, +) == c.linked, "\(c.file)")
            #expect(page.items.allSatisfy { $0.date != nil }, "\(c.file)")
            #expect(notes.isEmpty, "\(c.file): \(notes)")
            var thread = page.thread
            thread.inferReplies()
            // The second post quotes the first (by id, or by author and text for phpBB 2); the third thanks the second by name.
            #expect(thread.posts[1].parent == thread.posts[0].id && thread.posts[1].inferred == .quote, "\(c.file)")
            #expect(thread.posts[2].parent == thread.posts[1].id, "\(c.file)")
        }
    }

    @Test func theWindows1252PageIsDecodedAndItsSignatureKeptApart() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("phpbb2-subsilver.html")))
        #expect(String(validating: bytes, as: UTF8.self) == nil)  // the fixture really is Windows-1252
        let page = try ForumPages.extract(bytes).page
        #expect(page.items[0].body.contains("café on the corner"))
        #expect(page.items[1].signature?.contains("mariela — baking since 1998") == true)
        #expect(!page.items[1].body.contains("baking since"))
        #expect(!page.items[1].body.contains("Last edited"))
    }
}
