import Foundation

/// Finds the message files of a Maildir: every `cur/` and `new/` below a folder, nested folders too.
public enum Maildir {
    /// Whether a directory is a Maildir or holds Maildirs.
    public static func isMaildir(_ path: String) -> Bool {
        !messageFiles(in: path, limit: 1).isEmpty
    }

    /// The message files, in a stable order (by path).
    ///
    /// Every regular file below the root counts, in `cur/`, `new/` or loose in
    /// a folder (as some archives keep them); `tmp/` folders (messages still
    /// being delivered) and hidden files are left out.
    public static func messageFiles(in root: String, limit: Int = .max) -> [String] {
        let fm = FileManager.default
        guard hasMaildirFolder(root) else { return [] }
        var found: [String] = []
        var stack = [root]
        while let dir = stack.popLast(), found.count < limit {
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let full = (dir as NSString).appendingPathComponent(name)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    if name != "tmp" { stack.append(full) }
                } else {
                    found.append(full)
                }
            }
        }
        return found.sorted()
    }

    /// Whether a `cur` or `new` folder exists at or below `root` (a few levels deep).
    static func hasMaildirFolder(_ root: String, depth: Int = 3) -> Bool {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: root) else { return false }
        if names.contains("cur") || names.contains("new") { return true }
        guard depth > 0 else { return false }
        return names.contains { name in
            var isDir: ObjCBool = false
            let full = (root as NSString).appendingPathComponent(name)
            return fm.fileExists(atPath: full, isDirectory: &isDir) && isDir.boolValue && hasMaildirFolder(full, depth: depth - 1)
        }
    }
}
