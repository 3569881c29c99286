import Foundation

/// How Weft writes JSON everywhere: stable (sorted keys), indented, slashes unescaped.
public enum JSONFormatting {
    /// An encoder set up that way.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
