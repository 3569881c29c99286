import Foundation

/// Finds the read-only `../shared` folder that sits beside the repository.
///
/// Tests that read it are skipped, with the reason printed, when it is absent.
public enum SharedData {
    /// The repository's top-level directory.
    public static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared`, beside the repository.
    public static let root = repository.deletingLastPathComponent().appendingPathComponent("shared")

    /// A file or folder under `../shared`.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Whether `../shared/<relative>` exists.
    public static func has(_ relative: String) -> Bool {
        let present = FileManager.default.fileExists(atPath: url(relative).path)
        if !present { print("skipping: \(url(relative).path) is absent (../shared is not beside the repository)") }
        return present
    }

    /// The seed thread files are present.
    public static var hasSeed: Bool { has("seed/seed.txt") && has("seed/seed-thread.json") }
}

/// A fresh temporary directory, removed by the caller when done.
public func temporaryDirectory(_ name: String = "weft-test") -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(name)-\(getpid())-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
