import Foundation
import WeftModel

/// One message as threading holds it: numbers for its ids, its date, and where the rest is.
///
/// A million of these are held while an archive is threaded, so an item is 48 bytes: its id and
/// references are numbers in the import's ``InternedStrings``, its subject a number for the subject
/// stripped of reply prefixes and list tags, and everything else (text, header fields, subject,
/// author, origin) a ``MailRecord`` kept in the spill until the thread is written.
struct MailItem: Sendable {
    /// The Message-ID's number (the id numbering a duplicate may have changed).
    var id: Int32
    /// Where the references are in the import's pool: References then In-Reply-To, ancestors, oldest first.
    var referenceStart: Int32
    var referenceCount: Int32
    /// The subject's base (``Subject/normalize(_:)``) as a number among the import's bases; -1 when empty.
    var subjectBase: Int32
    /// The date as seconds since 2001, or NaN for none.
    private var seconds: Double
    /// The FNV-1a hash of the post's text, to tell copies of a message apart without its text.
    var bodyHash: UInt64
    /// Where the rest of the message is.
    var record: MailRecords.Ref
    /// Whether the subject is a reply's ("Re: …").
    var isReply: Bool
    /// Whether the post came from the store, to be threaded again with new mail.
    var stored: Bool

    init(id: Int32, references: Range<Int32>, subjectBase: Int32, isReply: Bool, date: Date?, bodyHash: UInt64,
         record: MailRecords.Ref, stored: Bool = false) {
        (self.id, referenceStart, referenceCount) = (id, references.lowerBound, Int32(references.count))
        (self.subjectBase, self.isReply, self.bodyHash, self.record, self.stored) = (subjectBase, isReply, bodyHash, record, stored)
        seconds = date?.timeIntervalSinceReferenceDate ?? .nan
    }

    /// When the message was sent, if it says.
    var date: Date? { seconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: seconds) }

    /// The date to sort by: undated messages last.
    var sortDate: Double { seconds.isNaN ? MailItem.undated : seconds }

    /// The sort date of an undated message, or of a container without one: `Date.distantFuture`'s.
    static let undated = Date.distantFuture.timeIntervalSinceReferenceDate

    /// The references' places in the pool.
    var references: Range<Int> { Int(referenceStart)..<Int(referenceStart + referenceCount) }

    /// Where a message came from: the input, by its place in ``MailImporter/sources``, and the position in it.
    struct Origin: Sendable {
        var source: Int32
        var position: MailImporter.Position
    }
}
