/// Why an input could not be imported, naming the file and where in it.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    /// The file (or "-" for standard input).
    public var source: String
    /// Where in the file: "line 12", "byte 4096", or a JSON key path.
    public var position: String?
    /// What is wrong, in one sentence.
    public var reason: String

    /// Creates an error.
    public init(source: String, position: String?, reason: String) {
        self.source = source
        self.position = position
        self.reason = reason
    }

    public var description: String {
        if let position { return "\(source): \(position): \(reason)" }
        return "\(source): \(reason)"
    }
}
