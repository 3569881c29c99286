import Foundation
import Testing
import WeftTestSupport
@testable import WeftUI

/// The README's key table says what the action table says: one row per action, its keys and help.
struct ReadmeKeysTests {
    /// The rows of the README's "## Keys" table, as "keys | `name` | help" with the backticks kept.
    static func rows() throws -> [String] {
        let readme = try String(contentsOf: SharedData.repository.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "\n## Keys\n") else { return [] }
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].split(separator: "\n").filter { $0.hasPrefix("| `") }.map { String($0.dropFirst(2).dropLast(2)) }
    }

    @Test func theReadmeListsEveryActionWithItsDefaultKeysAndHelp() throws {
        let rows = try Self.rows()
        let expected = ActionTable.entries.map { entry in
            entry.keys.split(separator: " ").map { $0 == "|" ? "`\\|`" : "`\($0)`" }.joined(separator: " ")
                + " | `\(entry.name)` | " + entry.help
        }
        #expect(rows == expected)
    }
}
