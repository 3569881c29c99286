import Foundation
import WeftStore

/// Progress on stderr for long imports, only when stderr is a terminal.
///
/// Shows items or bytes done, the rate, and an ETA when the total is known;
/// redraws at most ten times a second, and clears its line when done.
final class Progress {
    private let label: String
    private let enabled = isatty(2) == 1
    private var name = ""
    private var started = Date()
    private var lastDraw = Date.distantPast

    init(label: String) { self.label = label }

    func start(_ name: String) {
        self.name = (name as NSString).lastPathComponent
        started = Date()
        lastDraw = .distantPast
    }

    func update(done: Int, total: Int?, bytes: Bool) {
        update(done: done, total: total, unit: bytes ? nil : "files")
    }

    /// Shows progress in bytes (unit nil) or in counted things ("files", "threads").
    func update(done: Int, total: Int?, unit: String?) {
        let bytes = unit == nil
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let rate = Double(done) / elapsed
        let unitName = unit ?? "files"
        func amount(_ n: Int) -> String { bytes ? String(format: "%.1f MB", Double(n) / 1e6) : "\(n) \(unitName)" }
        let rateText = bytes ? String(format: "%.1f MB/s", rate / 1e6) : String(format: "%.0f \(unitName)/s", rate)
        var line = "\(label) \(name): \(amount(done))"
        if let total, total > 0 {
            line += " of \(amount(total)) (\(done * 100 / total)%), \(rateText)"
            if rate > 0 { line += String(format: ", ETA %.0fs", Double(total - done) / rate) }
        } else {
            line += ", " + rateText
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    func finish() {
        guard enabled, lastDraw != .distantPast else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

extension Progress {
    /// Runs `body`, which reads or rebuilds a store's index, with its progress shown as "indexing STORE".
    ///
    /// A store error stays one sentence naming its file; any other failure names the index.
    static func indexing<T>(_ store: FileStore, _ body: (_ update: @escaping (Int, Int) -> Void) throws -> T) throws -> T {
        let progress = Progress(label: "indexing")
        progress.start(store.root.path)
        defer { progress.finish() }
        do {
            return try body { done, total in progress.update(done: done, total: total, bytes: false) }
        } catch let error as StoreError {
            throw Failure(message: error.description)
        } catch {
            throw Failure(message: "\(store.root.path)/index: \(error)")
        }
    }
}
