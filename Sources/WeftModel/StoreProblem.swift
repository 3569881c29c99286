/// A file the store could not load, and why; the other files still load.
public struct StoreProblem: Equatable, Sendable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// Why it could not be loaded.
    public var reason: String

    /// Creates a problem report.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
