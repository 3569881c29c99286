import Foundation
import WeftModel
import WeftStore

/// Reads files of any supported format into threads.
public enum Importer {
    /// Reads one file (or standard input for "-") into threads.
    public static func threads(from path: String, format: ImportFormat = .auto) throws -> [ForumThread] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
                throw ImportError(source: path, position: nil, reason: reason)
            }
            data = d
        }
        return try threads(from: data, source: path, format: format)
    }

    /// Reads data already in memory, naming `source` in errors.
    public static func threads(from data: Data, source: String, format: ImportFormat = .auto) throws -> [ForumThread] {
        switch format == .auto ? ImportFormat.detect(data) : format {
        case .json:
            return try WeftJSON.decode(data, source: source).threads
        case .text, .auto:
            guard let text = String(data: data, encoding: .utf8) else {
                throw ImportError(source: source, position: "byte \(firstInvalidUTF8(data))",
                                  reason: "not UTF-8 text")
            }
            return [try PlainTextPage.parse(text, source: source)]
        }
    }

    /// The offset of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                consumed += UTF8.width(s)
                offset = consumed
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
