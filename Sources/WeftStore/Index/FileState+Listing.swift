import Foundation
#if canImport(Glibc)
import Glibc
#endif
import WeftCodec

extension FileState {
    /// The names of the `.json` files in a directory (not temporary files), unsorted; at most `limit` of them.
    static func jsonNames(in dir: String, upTo limit: Int = .max) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while names.count < limit, let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }
}
