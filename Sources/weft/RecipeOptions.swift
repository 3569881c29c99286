import ArgumentParser
import Foundation
import WeftFormats

/// `--recipe FILE`, and the user's recipes folder: the recipes saved forum pages are read with.
struct RecipeOptions: ParsableArguments {
    @Option(name: .customLong("recipe"),
            help: ArgumentHelp("A recipe for a forum engine Weft does not know (see docs/recipes.md); repeatable.",
                               valueName: "file"),
            completion: .file(extensions: ["toml"]))
    var files: [String] = []

    /// `$XDG_CONFIG_HOME/weft/recipes` (usually `~/.config/weft/recipes`).
    static var userDirectory: String {
        let env = ProcessInfo.processInfo.environment
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? (env["HOME"] ?? "/") + "/.config"
        return config + "/weft/recipes"
    }

    /// The user's recipes and `--recipe` files in front of the built-in engines; a broken one stops with `FILE:LINE: reason`.
    func book() throws -> RecipeBook {
        do {
            return try RecipeBook.withUserRecipes(directory: RecipeOptions.userDirectory, files: files)
        } catch let error as RecipeError {
            throw Failure(message: error.description)
        }
    }
}
