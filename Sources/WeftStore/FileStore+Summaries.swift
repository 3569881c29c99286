import Foundation
import WeftModel

/// The thread list of a store, and the files that could not be read.
public struct SummaryListing: Sendable {
    /// One summary per readable thread file, in no particular order.
    public var summaries: [ThreadSummary]
    /// Thread files that could not be loaded, with the reason.
    public var problems: [StoreProblem]
}

/// One cached summary and the file state it was computed from.
struct SummaryCacheEntry: Codable {
    var file: String
    var size: UInt64
    var modified: Double
    var readSize: UInt64
    var readModified: Double
    var summary: ThreadSummary
}

/// The derived summary cache, `index/summaries.json`.
struct SummaryCache: Codable {
    static let version = 1
    var version: Int
    var entries: [SummaryCacheEntry]
}

extension FileStore {
    /// Lists every thread's summary without loading threads that have not changed.
    ///
    /// Summaries are cached in `index/summaries.json` with each thread file's
    /// and read file's size and modification time; only files whose state
    /// differs are parsed again. A file that cannot be parsed is reported in
    /// ``SummaryListing/problems`` and does not stop the others.
    public func summaries() -> SummaryListing {
        let names = ((try? fm.contentsOfDirectory(atPath: threadsDir.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .sorted()
        let cacheURL = indexDir.appendingPathComponent("summaries.json")
        var cached: [String: SummaryCacheEntry] = [:]
        if let data = fm.contents(atPath: cacheURL.path),
           let cache = try? JSONDecoder().decode(SummaryCache.self, from: data), cache.version == SummaryCache.version {
            for entry in cache.entries { cached[entry.file] = entry }
        }
        var entries: [SummaryCacheEntry] = []
        var problems: [StoreProblem] = []
        var changed = cached.count != names.count
        for name in names {
            let url = threadsDir.appendingPathComponent(name)
            let readURL = readDir.appendingPathComponent(name)
            let (size, modified) = stat(url)
            let (readSize, readModified) = stat(readURL)
            if let hit = cached[name], hit.size == size, hit.modified == modified,
               hit.readSize == readSize, hit.readModified == readModified {
                entries.append(hit)
                continue
            }
            changed = true
            do {
                let thread = try loadThreadFile(url)
                let summary = ThreadSummary(thread, read: readPosts(thread: thread.id))
                entries.append(SummaryCacheEntry(file: name, size: size, modified: modified,
                                                 readSize: readSize, readModified: readModified, summary: summary))
            } catch {
                problems.append(StoreProblem(path: url.path, reason: FileStore.reason(error)))
            }
        }
        if changed, fm.isWritableFile(atPath: indexDir.path) {
            let cache = SummaryCache(version: SummaryCache.version, entries: entries)
            if let data = try? JSONEncoder().encode(cache) { try? AtomicFile.write(data, to: cacheURL) }
        }
        return SummaryListing(summaries: entries.map(\.summary), problems: problems)
    }

    /// The size and modification time of a file, or zeros when it is absent.
    private func stat(_ url: URL) -> (UInt64, Double) {
        guard let attrs = try? fm.attributesOfItem(atPath: url.path) else { return (0, 0) }
        let size = (attrs[.size] as? NSNumber)?.uint64Value ?? 0
        let date = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return (size, date)
    }

    static func reason(_ error: any Error) -> String {
        if case StoreError.corrupt(_, let reason) = error { return reason }
        return "\(error)"
    }
}
