import Foundation

/// Says where in a JSON file a decoding error is, in one line.
public enum JSONErrorText {
    /// A description of `error` naming the key path, or the line and column for a syntax error.
    public static func describe(_ error: DecodingError, in data: Data) -> String {
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "not valid JSON: " + (detail ?? context.debugDescription)
            }
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            let at = context.codingPath.isEmpty ? "the top level" : path(context.codingPath)
            return "at \(at): missing \"\(key.stringValue)\""
        case .typeMismatch(let type, let context):
            return "at \(path(context.codingPath)): expected \(describe(type))"
        case .valueNotFound(let type, let context):
            return "at \(path(context.codingPath)): expected \(describe(type)), found null"
        @unknown default:
            return "\(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type, is Int64.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return "\(type)"
        }
    }

    /// A coding path as `thread.posts[3].id`.
    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }
}
