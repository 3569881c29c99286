import WeftCodec
import Foundation
import WeftModel

/// Reads saved forum thread pages into threads, through the recipes.
///
/// Each page gives the posts it shows, as a flat thread keyed by its site and
/// thread id; pages of one thread (in any order, in one import or several)
/// merge by that key, their posts ordered by the forum's own post ids and
/// their reply links inferred (see ``ReplyInference``).
public enum ForumPages {
    /// Why a page gave no thread.
    public enum Refusal: Error, Equatable {
        /// No recipe recognises the page.
        case unknownEngine(String)
        /// A recognised engine's page with no posts (a forum index, a member list).
        case noPosts(engine: String)
    }

    /// Reads one page.
    ///
    /// - Throws: ``Refusal`` when the page is not a thread page any recipe knows.
    /// With `forceFirst` (a recipe being tested), the first recipe is applied even when its `detect` does not match.
    public static func extract(_ bytes: [UInt8], recipes: RecipeBook = .standard, modified: Date? = nil,
                               forceFirst: Bool = false) throws -> (page: ExtractedPage, notes: [String]) {
        var source = PageSource(bytes: bytes)
        var notes: [String] = []
        if let note = source.charsetNote { notes.append(note) }
        guard let page = HTMLPage(utf8: source.text) else { throw Refusal.unknownEngine(recipes.unknownPageReason) }
        var found = recipes.recipe(for: page)
        if found == nil, forceFirst, let first = recipes.recipes.first {
            notes.append("the recipe's detect matches nothing on this page: an import would not use it")
            found = first
        }
        guard let recipe = found else { throw Refusal.unknownEngine(recipes.unknownPageReason) }
        var usedMtime = false
        if source.savedAt == nil, let modified {
            source.savedAt = modified
            usedMtime = true
        }
        var extracted = PageExtractor(recipe: recipe, page: page, source: source).extract()
        guard !extracted.items.isEmpty else { throw Refusal.noPosts(engine: recipe.engine) }
        if usedMtime, extracted.items.contains(where: { $0.dateText.map(ForumDate.isRelative) == true && $0.date != nil }) {
            notes.append("relative dates (\"Today\", \"2 hours ago\") were resolved against the file's modification time; they are approximate")
        }
        notes += extracted.notes
        extracted.notes = []
        return (extracted, notes)
    }

    /// A refusal or other error as one sentence.
    public static func describe(_ error: any Error) -> String {
        switch error {
        case Refusal.unknownEngine(let reason): return reason
        case Refusal.noPosts(let engine): return "a \(engine) page with no posts (not a thread page)"
        default: return "\(error)"
        }
    }

    /// Reads one page file's bytes as an import batch; a page no recipe knows throws an ``ImportError``.
    static func read(_ bytes: [UInt8], source: String, recipes: RecipeBook, modified: Date?) throws -> ImportBatch {
        do {
            let (page, notes) = try extract(bytes, recipes: recipes, modified: modified)
            var thread = page.thread
            thread.inferReplies()
            let issues = notes.map { ImportIssue(source: source, position: nil, reason: $0, skipped: false) }
            return ImportBatch(threads: [thread], issues: issues)
        } catch let refusal as Refusal {
            throw ImportError(source: source, position: nil, reason: describe(refusal))
        }
    }

    /// Reads the pages of a mirrored forum (wget, HTTrack): every page on every core, pages of one thread
    /// merged in post order whatever order the files come in, reply links inferred once per thread.
    ///
    /// Pages no recipe knows, and pages of a known engine without posts (forum indexes, member lists),
    /// are passed over with a count, as a mirror holds many of them. `inferReplies: false` leaves the
    /// threads flat with no link open to inference (what `weft-bench pages` measures inference against).
    public static func readMirror(_ files: [String], recipes: RecipeBook = .standard, inferReplies: Bool = true,
                                  progress: (Int) -> Void = { _ in }) -> ImportBatch {
        enum Outcome: Sendable {
            case page(ExtractedPage, [String])
            case passed(String)
            case failed(String)
        }
        // In chunks, so a long import can say how far it has got between them.
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(files.count)
        for start in stride(from: 0, to: files.count, by: 256) {
            outcomes += Array(files[start..<min(files.count, start + 256)]).parallelMap { file -> Outcome in
                guard let bytes = Importer.readBytes(file) else {
                    return .failed(FileManager.default.fileExists(atPath: file) ? "cannot be read" : "no such file")
                }
                let modified = FileState.of(file).map { Date(timeIntervalSince1970: $0.mtime) }
                do {
                    let (page, notes) = try extract(bytes, recipes: recipes, modified: modified)
                    return .page(page, notes)
                } catch Refusal.noPosts(let engine) {
                    return .passed(describe(Refusal.noPosts(engine: engine)) + "; left alone")
                } catch {
                    return .passed("not a page of a forum thread that a recipe knows; left alone")
                }
            }
            progress(outcomes.count)
        }
        var batch = ImportBatch()
        var order: [String] = []
        var byKey: [String: ForumThread] = [:]
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case .page(let page, let notes):
                batch.issues += notes.map { ImportIssue(source: file, position: nil, reason: $0, skipped: false) }
                let thread = page.thread
                if byKey[thread.id] == nil {
                    order.append(thread.id)
                    byKey[thread.id] = thread
                } else {
                    byKey[thread.id]!.append(thread)
                }
            case .passed(let reason):
                batch.issues.append(ImportIssue(source: file, position: nil, reason: reason, skipped: false, ignored: true))
            case .failed(let reason):
                batch.issues.append(ImportIssue(source: file, position: nil, reason: reason, skipped: true))
            }
        }
        batch.threads = order.map { byKey[$0]! }.parallelMap { thread in
            var t = thread
            t.orderByNumber()
            if inferReplies {
                t.inferReplies()
            } else {
                for i in t.posts.indices { t.posts[i].inferred = nil }
            }
            return t
        }
        return batch
    }
}
