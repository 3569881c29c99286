import Foundation
import Testing
import WeftTestSupport
@testable import WeftFuzzTargets

/// Every fuzz seed and every input a fuzzer ever crashed on is replayed on each test run.
struct FuzzReplayTests {
    @Test("seeds and regressions replay without crashing", arguments: FuzzTargets.names)
    func replays(target: String) throws {
        var count = 0
        // Pages and recipes are seeded with the forum-page fixtures and the built-in recipes themselves.
        let own = ["page": ["Tests/WeftFormatsTests/Fixtures/pages"], "recipe": ["recipes/engines"]][target] ?? []
        for folder in ["Tests/fuzz/seeds/\(target)", "Tests/fuzz/regressions/\(target)"] + own {
            let dir = SharedData.repository.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where !name.hasPrefix(".") {
                let data = try Data(contentsOf: dir.appendingPathComponent(name))
                FuzzTargets.run(target, data)
                count += 1
            }
        }
        #expect(count >= 1, "no seed for \(target)")
    }
}
