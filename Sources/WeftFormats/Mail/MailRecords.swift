import Foundation
import WeftModel

/// What a message is besides what threading needs: its text, header fields, subject, author and origin.
struct MailRecord: Sendable {
    var body: String
    var headers: MailHeaders?
    var subject = ""
    var author: String?
    var isHTML = false
    /// Where the message came from; nil for a stored post taken back.
    var origin: MailItem.Origin?
    /// A stored post taken back to be threaded again with new mail, as it was stored (it may hold
    /// fields mail never sets). Such records stay in memory.
    var storedPost: Post?

    init(body: String, headers: MailHeaders? = nil, subject: String = "", author: String? = nil, isHTML: Bool = false,
         origin: MailItem.Origin? = nil, storedPost: Post? = nil) {
        (self.body, self.headers, self.subject, self.author, self.isHTML) = (body, headers, subject, author, isHTML)
        (self.origin, self.storedPost) = (origin, storedPost)
    }
}

/// The records of an import's messages: in a ``MailSpill`` on disk when the import has one, else in memory.
///
/// Written while messages are taken, on one thread; only read once they are threaded, from any thread.
final class MailRecords: @unchecked Sendable {
    /// Where a record is: in the spill (an offset from 0), or in memory (an offset below 0).
    typealias Ref = MailSpill.Ref

    /// Where records go, when set.
    var spill: MailSpill?
    /// Whether records still go to the spill (not after a write to it failed).
    private var spillWrites = true
    private var memory: [MailRecord] = []

    /// Keeps a record: in the spill, unless it holds a stored post or a write to the spill failed.
    /// Returns where it is, and the issue to report when the spill has just failed.
    func add(_ record: MailRecord) -> (Ref, ImportIssue?) {
        var issue: ImportIssue?
        if let spill, spillWrites, record.storedPost == nil {
            do {
                return (try spill.write(record), nil)
            } catch {
                // A full disk keeps the records that follow in memory (those set aside stay readable):
                // the import goes on, only bigger.
                issue = ImportIssue(source: spill.path, position: nil,
                                    reason: "message texts cannot be set aside (\(error)); kept in memory", skipped: false)
                spillWrites = false
            }
        }
        memory.append(record)
        return (Ref(offset: -Int64(memory.count), length: 0), issue)
    }

    /// A record back.
    func read(_ ref: Ref) throws -> MailRecord {
        if ref.offset < 0 { return memory[Int(-ref.offset) - 1] }
        guard let spill else { throw POSIXError(.EBADF) }
        return try spill.read(ref)
    }
}
