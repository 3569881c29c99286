import Foundation
import WeftFormats
import WeftModel

/// The demo forum that ships with Weft: original threads that show every feature.
///
/// - "Restoring a 1974 touring bicycle": replies ten deep, `>` quotes with
///   attributions and quotes of quotes, a lost parent, an unnamed poster,
///   links and a very long word.
/// - "冬の温泉旅行": Japanese, Russian, Korean and Arabic text, and emoji.
/// - "Reading group": Discourse BBCode quotes with post numbers (nested),
///   Markdown blockquotes, a passage in quotation marks, a code block.
/// - "Elm Street community garden log": 130 posts, to scroll; "marguerite"
///   posts the most throughout.
public enum DemoForum {
    /// The forum's name.
    public static let name = "Weft Demo Forum"
    /// The resource files, in the order the threads are listed.
    static let files = ["bicycle", "onsen", "reading", "garden"]

    /// The demo threads, decoded from the bundled resources.
    public static func threads() throws -> [ForumThread] {
        try files.flatMap { file -> [ForumThread] in
            guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Resources"),
                  let data = FileManager.default.contents(atPath: url.path) else {
                throw ImportError(source: "\(file).json", position: nil, reason: "the bundled demo file is missing")
            }
            return try WeftJSON.decode(data, source: url.path).threads
        }
    }
}
