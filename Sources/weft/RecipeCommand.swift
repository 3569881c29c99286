import ArgumentParser
import Foundation
import WeftFormats
import WeftModel

/// `weft recipe`: the recipes that read saved forum pages.
struct RecipeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipe",
        abstract: "Show and test the recipes that read saved forum pages.",
        subcommands: [RecipeTest.self, RecipeList.self])
}

/// `weft recipe list`: every recipe, the user's first, in the order they are tried.
struct RecipeList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the recipes in the order they are tried.")

    @OptionGroup var recipes: RecipeOptions

    func run() throws {
        for recipe in try recipes.book().recipes { Output.line("\(recipe.engine)\t\(recipe.file)") }
    }
}

/// `weft recipe test [RECIPE.toml] PAGE.html...`: what a recipe extracts from pages, post by post.
struct RecipeTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Show what a recipe extracts from saved pages, post by post.",
        discussion: """
            With a recipe file first, only that recipe is used (even where its detect does not match, which is \
            reported). Without one, each page is read as an import reads it.
            """)

    @OptionGroup var recipes: RecipeOptions

    @Argument(help: ArgumentHelp("A recipe file (.toml), then pages.", valueName: "file"), completion: .file())
    var paths: [String]

    func run() throws {
        var book = try recipes.book()
        var pages = paths
        if let first = pages.first, first.hasSuffix(".toml") {
            do { book = RecipeBook(recipes: [try Recipe.load(path: first)]) } catch let error as RecipeError {
                throw Failure(message: error.description)
            }
            pages.removeFirst()
        }
        guard !pages.isEmpty else { throw ValidationError("Name at least one page to test the recipe on.") }
        var failed = false
        for path in pages {
            guard let data = FileManager.default.contents(atPath: path) else {
                Output.error("weft: \(path): cannot be read")
                failed = true
                continue
            }
            do {
                let (page, notes) = try ForumPages.extract([UInt8](data), recipes: book, forceFirst: book.recipes.count == 1)
                Output.line(RecipeTest.report(page, path: path, notes: notes))
            } catch {
                Output.error("weft: \(path): \(ForumPages.describe(error))")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// The extraction as text: the thread's fields, then each post's.
    static func report(_ page: ExtractedPage, path: String, notes: [String]) -> String {
        var lines = ["\(path): \(page.engine)",
                     "  title:  \(page.title)",
                     "  forum:  \(page.forum ?? "(none)")",
                     "  thread: \(page.threadID ?? "(no id; the title is used)")  key \(page.threadKey)",
                     "  url:    \(page.url ?? "(none)")",
                     "  posts:  \(page.items.count), quotes \(page.items.map(\.quotes).reduce(0, +)) "
                        + "(\(page.items.map(\.linkedQuotes).reduce(0, +)) naming their post)"]
        for (n, item) in page.items.enumerated() {
            let date = item.date.map { CivilTime($0).iso8601 ?? "\($0)" } ?? "unknown"
            lines.append("  #\(n + 1) id \(item.id) · \(item.author ?? "(no author)") · \(date) (\"\(item.dateText ?? "")\")")
            let words = item.body.split(whereSeparator: \.isWhitespace)
            lines.append("     \(words.count) words, \(item.quotes) quotes (\(item.linkedQuotes) linked)"
                         + (item.signature == nil ? "" : ", signature \(item.signature!.count) characters"))
            let first = item.body.split(separator: "\n").first { !$0.hasPrefix("[quote") && !$0.hasPrefix("[/quote") }
            if let first { lines.append("     " + String(TerminalSafe.clean(String(first)).prefix(100))) }
        }
        for note in notes { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
