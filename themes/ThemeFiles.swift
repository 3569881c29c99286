import Foundation

/// The themes shipped in the repository's `themes/` folder, bundled with the program.
public enum ThemeFiles {
    /// The names of the bundled themes.
    public static let names = ["default", "light", "mono", "high-contrast"]

    /// The text of a bundled theme, or `nil` when there is none by that name.
    public static func text(named name: String) -> String? {
        guard names.contains(name),
              let url = Bundle.module.url(forResource: name, withExtension: "toml") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
