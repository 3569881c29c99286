import ArgumentParser
import Foundation
import WeftFormats
import WeftModel
import WeftStore

/// `weft import PATH...`: reads saved discussions into the store.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import saved discussions into the store.",
        discussion: "Re-importing the same data adds nothing twice: posts are matched by id. A directory is walked.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The input format; auto detects it from the content.")
    var format: ImportFormat = .auto

    @Option(help: "The forum name to give threads that have none.")
    var forum: String?

    @Argument(help: ArgumentHelp("Files or directories to import; - reads standard input.", valueName: "path"),
              completion: .file())
    var paths: [String]

    func run() throws {
        let store = try storeOptions.open(create: true)
        var total = MergeResult()
        var skipped: [String] = []
        for path in expand(paths) {
            do {
                var threads = try Importer.threads(from: path, format: format)
                if let forum { threads = threads.map { var t = $0; t.forum = t.forum ?? forum; return t } }
                let result = try store.merge(threads)
                total.threadsAdded += result.threadsAdded
                total.threadsUpdated += result.threadsUpdated
                total.postsAdded += result.postsAdded
                total.authors.formUnion(result.authors)
            } catch let error as ImportError {
                skipped.append(error.description)
            } catch let error as StoreError {
                throw Failure(message: error.description)
            }
        }
        var summary = "imported into \(store.root.path): \(total.threadsAdded) threads added"
        if total.threadsUpdated > 0 { summary += ", \(total.threadsUpdated) updated" }
        summary += ", \(total.postsAdded) posts, \(total.authors.count) authors"
        if !skipped.isEmpty { summary += "; \(skipped.count) skipped" }
        print(summary)
        for line in skipped { FileHandle.standardError.write(Data("weft: skipped \(line)\n".utf8)) }
        if !skipped.isEmpty { throw ExitCode(1) }
    }

    /// The paths with directories replaced by the regular files below them, in name order.
    private func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDir: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                return [path]
            }
            let walker = FileManager.default.enumerator(atPath: path)
            var files: [String] = []
            while let name = walker?.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(name)
                var sub: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue,
                   !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    files.append(full)
                }
            }
            return files.sorted()
        }
    }
}

extension ImportFormat: ExpressibleByArgument {}
