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

/// Runs a Python 3 script (for expectations computed independently of Weft, with
/// Python's own `mailbox`, `email` and `json`) and returns its standard output.
public func runPython(_ script: String, in directory: URL) -> Data? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch {
        print("skipping: python3 could not run: \(error)")
        return nil
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        print("skipping: python3 exited \(process.terminationStatus)")
        return nil
    }
    return data
}
