import Foundation
import WeftThemes

/// Finds themes by name or path, falling back to `default` with a message.
public enum ThemeLoader {
    /// The bundled theme names, in the order `t` cycles through them.
    public static var bundledNames: [String] { ThemeFiles.names }

    /// The bundled default theme; it must parse.
    public static func defaultTheme() -> Theme {
        guard let text = ThemeFiles.text(named: "default"),
              let parsed = try? ThemeParser.parse(text, file: "themes/default.toml") else {
            // Only a broken build lacks it; plain reverse-video still works.
            return Theme(name: "default", styles: [:], authorPalette: [])
        }
        return parsed.theme
    }

    /// Loads a bundled theme by name, or a theme file by path, laid over `default`.
    ///
    /// - Returns: the theme and, when it could not be loaded, the message saying why (naming file and line).
    public static func load(_ nameOrPath: String) -> (Theme, String?) {
        let base = defaultTheme()
        let text: String
        let file: String
        if let bundled = ThemeFiles.text(named: nameOrPath) {
            text = bundled
            file = "themes/\(nameOrPath).toml"
        } else if let data = FileManager.default.contents(atPath: nameOrPath) {
            text = String(decoding: data, as: UTF8.self)
            file = nameOrPath
        } else {
            return (base, "theme \"\(nameOrPath)\" not found (bundled: \(bundledNames.joined(separator: ", "))); using default")
        }
        do {
            let parsed = try ThemeParser.parse(text, file: file)
            return (base.overlaid(with: parsed.theme, paletteGiven: parsed.paletteGiven), nil)
        } catch {
            return (base, "\(error); using default")
        }
    }
}
