import Foundation

/// What went wrong with a store, said in one sentence naming the file.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A system call failed on a path.
    case io(path: String, errno: Int32, doing: String)
    /// A thread file could not be read as a thread.
    case corrupt(path: String, reason: String)
    /// No thread has this id.
    case noSuchThread(id: String, store: String)
    /// The store directory is not a Weft store, or is of a newer version.
    case notAStore(path: String, reason: String)

    public var description: String {
        switch self {
        case .io(let path, let code, let doing):
            return "\(path): cannot \(doing): \(String(cString: strerror(code)))"
        case .corrupt(let path, let reason):
            return "\(path): \(reason)"
        case .noSuchThread(let id, let store):
            return "no thread with id \"\(id)\" in the store \(store)"
        case .notAStore(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}

