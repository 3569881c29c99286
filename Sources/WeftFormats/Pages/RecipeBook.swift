import Foundation
import WeftModel
import WeftRecipes

/// The recipes an import tries on a saved page: the user's own first, then the built-in engines.
public struct RecipeBook: Sendable {
    /// In the order they are tried.
    public var recipes: [Recipe]

    public init(recipes: [Recipe]) { self.recipes = recipes }

    /// The engines in `recipes/engines/`, through the same loader as a user's recipes.
    ///
    /// A built-in recipe that does not load is a bug that the tests catch; here it is left out
    /// rather than making every import fail.
    public static let standard = RecipeBook(recipes: RecipeFiles.all().compactMap { try? Recipe.parse($0.text, file: $0.name) })

    /// The built-in engines with the user's recipes in front: every `*.toml` in `directory`
    /// (usually `~/.config/weft/recipes`, silently none when it does not exist), then each of `files`.
    public static func withUserRecipes(directory: String?, files: [String]) throws -> RecipeBook {
        var mine: [Recipe] = []
        if let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) {
            for name in names.sorted() where name.hasSuffix(".toml") {
                mine.append(try Recipe.load(path: (directory as NSString).appendingPathComponent(name)))
            }
        }
        for file in files { mine.append(try Recipe.load(path: file)) }
        return RecipeBook(recipes: mine + standard.recipes)
    }

    /// The engines' names, for messages.
    public var engineNames: [String] { recipes.map(\.engine) }

    /// The first recipe whose `detect` matches the page.
    func recipe(for page: HTMLPage) -> Recipe? {
        recipes.first { recipe in recipe.detect.contains { page.matches($0) } }
    }

    /// Why a page is refused when no recipe knows it: one sentence.
    var unknownPageReason: String {
        "no recipe recognises this page as a forum thread (tried \(engineNames.joined(separator: ", "))); "
            + "see docs/recipes.md to write one, or import it with --recipe FILE"
    }
}
