import Foundation

/// The forum-engine recipes shipped in the repository's `recipes/engines/` folder, bundled with the program.
public enum RecipeFiles {
    /// Each bundled recipe: its file name (for messages) and its text, in name order.
    public static func all() -> [(name: String, text: String)] {
        guard let folder = Bundle.module.url(forResource: "engines", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".toml") }.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            return (try? String(contentsOf: url, encoding: .utf8)).map { ("recipes/engines/" + name, $0) }
        }
    }
}
