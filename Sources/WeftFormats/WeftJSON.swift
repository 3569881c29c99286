import Foundation
import WeftModel
import WeftCodec

/// Weft's JSON thread format, read and written with errors that say where.
public enum WeftJSON {
    /// Decodes a Weft JSON document, naming `source` and the key path or line in errors.
    public static func decode(_ data: Data, source: String) throws -> ThreadDocument {
        do {
            return try JSONDecoder().decode(ThreadDocument.self, from: data)
        } catch let error as DecodingError {
            throw ImportError(source: source, position: nil, reason: JSONErrorText.describe(error, in: data))
        }
    }

    /// Encodes threads as one readable document.
    public static func encode(_ threads: [ForumThread], forum: String? = nil) throws -> Data {
        let encoder = JSONFormatting.encoder()
        return try encoder.encode(ThreadDocument(forum: forum, threads: threads)) + Data("\n".utf8)
    }
}
