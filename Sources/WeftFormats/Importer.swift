import Foundation
#if canImport(Glibc)
import Glibc
#endif
import WeftModel
import WeftCodec

/// Reads files of any supported format into threads.
public enum Importer {
    /// What progress counts.
    public enum ProgressUnit: Sendable { case bytes, files }

    /// Reports progress: bytes or files done, and the total when known.
    public typealias Progress = (_ done: Int, _ total: Int?, _ unit: ProgressUnit) -> Void

    /// Reads one file, directory (walked; a Maildir is read as one archive) or "-" for standard input.
    ///
    /// Issues with single items are in the batch; a whole input that cannot
    /// be read throws an ``ImportError`` naming it and the position.
    ///
    /// With `mail`, messages (mbox, Maildir, message files) go to the collector instead of the batch,
    /// to be threaded with the mail of the import's other inputs.
    public static func read(_ path: String, format: ImportFormat = .auto, forum: String? = nil,
                            recipes: RecipeBook = .standard, mail: MailCollector? = nil,
                            progress: Progress? = nil) throws -> ImportBatch {
        var isDir: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            return try readDirectory(path, format: format, forum: forum, recipes: recipes, mail: mail, progress: progress)
        }
        // Mail collected for threading at the end is read from the file a block at a time (see `MboxReader`).
        if path != "-", format == .mbox || format == .auto, let collector = mail, let head = readPrefix(path, count: 4096) {
            let detected = ImportFormat.detect(Data(head))
            if let refusal = format.refusal(of: detected) { throw ImportError(source: path, position: nil, reason: refusal) }
            if detected == .mbox { return try readMboxFile(path, into: collector, progress: progress) }
        }
        // An mbox is read straight into the byte array the parser walks: one copy of a 1.5 GB file, not two.
        if path != "-", format == .mbox || format == .auto, mail == nil, let bytes = readBytes(path) {
            let detected = ImportFormat.detect(Data(bytes.prefix(4096)))
            if let refusal = format.refusal(of: detected) { throw ImportError(source: path, position: nil, reason: refusal) }
            if detected == .mbox { return try readMbox(bytes, source: path, forum: forum, mail: mail, progress: progress) }
        }
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
        let modified = path == "-" ? nil : FileState.of(path).map { Date(timeIntervalSince1970: $0.mtime) }
        return try read(data, source: path, format: format, forum: forum, recipes: recipes, modified: modified,
                        mail: mail, progress: progress)
    }

    /// Reads data already in memory, naming `source` in errors.
    ///
    /// `modified` is the file's modification time: a saved page's relative dates ("Today") are
    /// resolved against it when the page does not say when it was saved.
    public static func read(_ data: Data, source: String, format: ImportFormat = .auto, forum: String? = nil,
                            recipes: RecipeBook = .standard, modified: Date? = nil, mail collector: MailCollector? = nil,
                            progress: Progress? = nil) throws -> ImportBatch {
        guard !data.isEmpty else { throw ImportError(source: source, position: nil, reason: "the file is empty") }
        let detected = ImportFormat.detect(data)
        if let refusal = format.refusal(of: detected) { throw ImportError(source: source, position: nil, reason: refusal) }
        var chosen = format == .auto ? detected : format
        // HTML is never read as a text page: its markup would become the posts.
        if chosen == .text && detected == .page { chosen = .page }
        switch chosen {
        case .page:
            return try ForumPages.read([UInt8](data), source: source, recipes: recipes, modified: modified)
        case .mbox:
            return try readMbox([UInt8](data), source: source, forum: forum, mail: collector, progress: progress)
        case .maildir:
            if let collector {
                collector.importer.add([UInt8](data), source: source)
                return ImportBatch()
            }
            var mail = MailImporter(forum: forum)
            mail.add([UInt8](data), source: source)
            return ImportBatch(threads: try mail.threads(), issues: mail.issues)
        case .json, .discourse, .reddit:
            return try readJSON(data, source: source, format: chosen)
        case .text, .auto:
            guard let text = String(data: data, encoding: .utf8) else {
                throw ImportError(source: source, position: "byte \(firstInvalidUTF8(data))", reason: "not UTF-8 text")
            }
            if text.contains("\0") {
                throw ImportError(source: source, position: "byte \(data.firstIndex(of: 0) ?? 0)",
                                  reason: "binary data, not a text page")
            }
            return ImportBatch(threads: [try PlainTextPage.parse(text, source: source)])
        }
    }

    private static func readMbox(_ bytes: [UInt8], source: String, forum: String?, mail collector: MailCollector? = nil,
                                 progress: Progress?) throws -> ImportBatch {
        if let collector {
            let before = (collector.count, collector.issues.count)
            collector.importer.addMbox(bytes, source: source) { progress?($0, bytes.count, .bytes) }
            if collector.count == before.0 && collector.issues.count == before.1 {
                throw ImportError(source: source, position: "byte 0", reason: "no messages (an mbox starts with a \"From \" line)")
            }
            return ImportBatch()
        }
        var mail = MailImporter(forum: forum)
        mail.addMbox(bytes, source: source) { progress?($0, bytes.count, .bytes) }
        if mail.count == 0 && mail.issues.isEmpty {
            throw ImportError(source: source, position: "byte 0", reason: "no messages (an mbox starts with a \"From \" line)")
        }
        return ImportBatch(threads: try mail.threads(), issues: mail.issues)
    }

    private static func readMboxFile(_ path: String, into collector: MailCollector, progress: Progress?) throws -> ImportBatch {
        let before = (collector.count, collector.issues.count)
        do {
            try collector.importer.addMboxFile(path) { progress?($0, $1, .bytes) }
        } catch {
            throw ImportError(source: path, position: nil, reason: "cannot be read (\(error))")
        }
        if collector.count == before.0 && collector.issues.count == before.1 {
            throw ImportError(source: path, position: "byte 0", reason: "no messages (an mbox starts with a \"From \" line)")
        }
        return ImportBatch()
    }

    /// The first `count` bytes of a regular file (fewer when it is shorter); nil when it cannot be read or is empty.
    static func readPrefix(_ path: String, count: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: count), !data.isEmpty else { return nil }
        return [UInt8](data)
    }

    /// A regular file's bytes, read with read(2) into one array; nil when it cannot be read (the caller says why).
    static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let size = FileState.of(descriptor: fd)?.size, size > 0 else { return nil }
        return try? FileBytes.read(fd, upTo: size).get()
    }

    /// Convenience for callers that want only the threads.
    public static func threads(from path: String, format: ImportFormat = .auto) throws -> [ForumThread] {
        try read(path, format: format).threads
    }

    /// Convenience for callers that want only the threads.
    public static func threads(from data: Data, source: String, format: ImportFormat = .auto) throws -> [ForumThread] {
        try read(data, source: source, format: format).threads
    }

    private static func readJSON(_ data: Data, source: String, format: ImportFormat) throws -> ImportBatch {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            throw jsonError(detail, data: data, source: source)
        }
        if format == .reddit || (format == .json && RedditImporter.isComments(object)) {
            var more: [Any] = []
            let sibling = source.replacingOccurrences(of: ".comments.json", with: ".morechildren.json")
            if sibling != source, let d = FileManager.default.contents(atPath: sibling),
               let m = try? JSONSerialization.jsonObject(with: d) { more.append(m) }
            if RedditImporter.isMoreChildren(object) { return RedditImporter.readMoreChildren(object, source: source) }
            return RedditImporter.read(object, more: more, source: source)
        }
        if format == .json && RedditImporter.isMoreChildren(object) {
            return RedditImporter.readMoreChildren(object, source: source)
        }
        if format == .discourse || (format == .json && DiscourseImporter.matches(object)) {
            return try DiscourseImporter.read(data, source: source)
        }
        return ImportBatch(threads: try WeftJSON.decode(data, source: source).threads)
    }

    /// A JSON parse error with its place: "around character N" as a line and column, an early end as the last byte.
    static func jsonError(_ detail: String, data: Data, source: String) -> ImportError {
        if detail.contains("Unexpected end of file") {
            return ImportError(source: source, position: "byte \(data.count)",
                               reason: "not valid JSON: the file ends before its JSON does (cut short?)")
        }
        if let r = detail.range(of: "around character "),
           let offset = Int(detail[r.upperBound...].prefix { $0.isNumber }), offset <= data.count {
            let before = data.prefix(offset)
            let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return ImportError(source: source, position: "line \(line), column \(column)", reason: "not valid JSON: \(detail)")
        }
        return ImportError(source: source, position: nil, reason: "not valid JSON: \(detail)")
    }

    /// A directory: a Maildir is one archive (threaded together); otherwise each file in name order.
    private static func readDirectory(_ path: String, format: ImportFormat, forum: String?, recipes: RecipeBook,
                                      mail collector: MailCollector?, progress: Progress?) throws -> ImportBatch {
        if format == .maildir || (format == .auto && Maildir.isMaildir(path)) {
            let files = Maildir.messageFiles(in: path)
            let shared = collector ?? MailCollector(forum: forum)
            var issues: [ImportIssue] = []
            for (n, file) in files.enumerated() {
                guard let d = FileManager.default.contents(atPath: file) else {
                    issues.append(ImportIssue(source: file, position: nil, reason: "cannot be read (it may have been removed)", skipped: true))
                    continue
                }
                shared.importer.add([UInt8](d), source: file)
                progress?(n + 1, files.count, .files)
            }
            if collector != nil { return ImportBatch(issues: issues) }
            return ImportBatch(threads: try shared.threads(), issues: issues + shared.issues)
        }
        var batch = ImportBatch()
        // The folder's mail files are threaded together (with the rest of the import's, when it collects them).
        let dirMail = collector ?? MailCollector(forum: forum)
        var files: [String] = []
        var pages: [String] = []
        for file in walk(path) {
            let head = format == .auto || format == .page
                ? (try? FileHandle(forReadingFrom: URL(fileURLWithPath: file)).read(upToCount: 4096)) ?? Data() : Data()
            let detected = format == .auto ? ImportFormat.detect(head) : format
            if detected == .page {
                pages.append(file)
            } else if detected == .text {
                batch.issues.append(ImportIssue(source: file, position: nil,
                                                reason: "not a mail, JSON, Discourse or forum page file; left alone",
                                                skipped: false, ignored: true))
            } else {
                files.append(file)
            }
        }
        if !pages.isEmpty {
            let b = ForumPages.readMirror(pages, recipes: recipes) { progress?($0, pages.count + files.count, .files) }
            batch.threads += b.threads
            batch.issues += b.issues
        }
        for (n, file) in files.enumerated() {
            do {
                let b = try read(file, format: format, forum: forum, recipes: recipes, mail: dirMail)
                batch.threads += b.threads
                batch.issues += b.issues
            } catch let error as ImportError {
                batch.issues.append(ImportIssue(source: error.source, position: error.position, reason: error.reason, skipped: true))
            }
            progress?(pages.count + n + 1, pages.count + files.count, .files)
        }
        if collector == nil && dirMail.count > 0 {
            batch.threads += try dirMail.threads()
            batch.issues += dirMail.issues
        }
        return batch
    }

    /// Regular files below a directory, hidden ones left out, in path order.
    public static func walk(_ path: String) -> [String] {
        var files: [String] = []
        let walker = FileManager.default.enumerator(atPath: path)
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

    /// The offset of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): consumed += UTF8.width(s)
            case .emptyInput, .error: return consumed
            }
        }
    }
}
