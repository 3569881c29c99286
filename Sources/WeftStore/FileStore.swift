import Foundation
import WeftCodec
import WeftModel

/// A store of threads: a directory of human-readable files.
///
/// ```
/// STORE/weft-store.json        {"format": "weft-store", "version": 1}
/// STORE/threads/<id>.json      one thread per file, Weft's JSON thread format
/// STORE/read/<id>.json         which posts of that thread have been read
/// STORE/index/weft.sqlite      the index (and text.sqlite, its words): derived, safe to delete
/// STORE/.lock                  taken by any process that writes
/// ```
/// File names come from ``StorePath/stem(for:)``, so no id can escape the
/// directory. Every write is atomic (see ``AtomicFile``) and made under the
/// store lock, re-reading what is on disk first, so concurrent writers merge.
public final class FileStore: @unchecked Sendable {
    /// The store's directory.
    public let root: URL
    let threadsDir: URL
    let readDir: URL
    /// Where the store keeps its index (see ``StoreIndex/init(directory:)``).
    public let indexDir: URL
    let fm = FileManager()

    /// The store format version this code writes.
    public static let version = 1

    /// Opens the store at `root`, creating its directories when `create` is true.
    ///
    /// Opening never writes unless `create` is set, so a read-only store opens.
    public init(root: URL, create: Bool = false) throws {
        self.root = root.standardizedFileURL
        threadsDir = self.root.appendingPathComponent("threads", isDirectory: true)
        readDir = self.root.appendingPathComponent("read", isDirectory: true)
        indexDir = self.root.appendingPathComponent("index", isDirectory: true)
        let marker = self.root.appendingPathComponent("weft-store.json")
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: self.root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw StoreError.notAStore(path: self.root.path, reason: "a file, not a store directory")
        }
        if let data = fm.contents(atPath: marker.path) {
            try FileStore.checkMarker(data, path: marker.path)
        } else if create {
            for dir in [self.root, threadsDir, readDir, indexDir] {
                do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                    throw StoreError.notAStore(path: dir.path, reason: "cannot create the directory")
                }
            }
            try AtomicFile.write(Data("{\"format\": \"weft-store\", \"version\": \(FileStore.version)}\n".utf8), to: marker)
        }
        if create {
            for dir in [threadsDir, readDir, indexDir] where !fm.fileExists(atPath: dir.path) {
                try? fm.createDirectory(at: dir, withIntermediateDirectories: true)
            }
        }
    }

    private static func checkMarker(_ data: Data, path: String) throws {
        struct Marker: Decodable { var format: String; var version: Int }
        guard let m = try? JSONDecoder().decode(Marker.self, from: data), m.format == "weft-store" else {
            throw StoreError.notAStore(path: path, reason: "not a Weft store marker file")
        }
        guard m.version <= version else {
            throw StoreError.notAStore(path: path, reason: "store version \(m.version) is newer than this Weft (\(version))")
        }
    }

    /// The store's name for display: its directory's last component.
    public var name: String { root.lastPathComponent }

    /// Whether the store holds no threads.
    public var isEmpty: Bool {
        // The first thread file answers: listing 100,000 names was a fifth of the browser's first screen.
        FileState.jsonNames(in: threadsDir.path, upTo: 1).isEmpty
    }

    /// Runs `body` holding the store's lock, so that what it reads stays true while it writes.
    ///
    /// Writers it calls (``ImportPipeline/merge(_:rethreaded:progress:)``) take the lock again without waiting.
    public func whileLocked<T>(_ body: () throws -> T) throws -> T {
        try StoreLock.withLock(root: root, body)
    }

    /// The path of the file for a thread id.
    public func threadFile(for id: String) -> URL {
        threadsDir.appendingPathComponent(StorePath.stem(for: id) + ".json")
    }

    func readFile(for id: String) -> URL {
        readDir.appendingPathComponent(StorePath.stem(for: id) + ".json")
    }

    /// Loads one thread by id.
    public func thread(id: String) throws -> ForumThread {
        let url = threadFile(for: id)
        guard fm.fileExists(atPath: url.path) else { throw StoreError.noSuchThread(id: id, store: root.path) }
        return try loadThreadFile(url)
    }

    /// Reads and decodes one thread file.
    func loadThreadFile(_ url: URL) throws -> ForumThread {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw StoreError.corrupt(path: url.path, reason: "cannot be read")
        }
        do {
            // The shape Weft writes is read by hand; anything else, and every error, by the decoder.
            let doc = try ThreadFileReader.decode(data) ?? JSONDecoder().decode(ThreadDocument.self, from: data)
            guard doc.threads.count == 1 else {
                throw StoreError.corrupt(path: url.path, reason: "a thread file must hold exactly one thread")
            }
            return doc.threads[0]
        } catch let error as DecodingError {
            throw StoreError.corrupt(path: url.path, reason: JSONErrorText.describe(error, in: data))
        }
    }
}
