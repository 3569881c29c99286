import Foundation
import WeftModel

/// The mail of one import, from all its inputs, threaded together at the end.
///
/// A list archive split over several mbox files, Maildirs and message files is threaded as one:
/// a reply in one file finds its parent in another, and the store receives the threads the whole
/// archive would give. Pass one to ``Importer/read(_:format:forum:recipes:mail:progress:)`` for each
/// input, then take ``threads()`` (or ``plan()``, to make them as they are written) and ``issues`` once.
public final class MailCollector {
    var importer: MailImporter

    public init(forum: String? = nil) { importer = MailImporter(forum: forum) }

    /// Sets the messages' texts aside in a file at `path` while the archive is read, so that memory
    /// holds what threading needs and not the archive; the threads bring them back as they are made.
    /// The file is removed when the collector and its threads go. Call before reading anything.
    public func spill(to path: String) throws { importer.spill = try MailSpill(path: path) }

    /// How many messages have been read.
    public var count: Int { importer.count }

    /// What could not be taken as it was, from every input.
    public var issues: [ImportIssue] { importer.issues }

    /// The threads of every message read, by the jwz algorithm, made. Throws when a text set aside
    /// cannot be read back.
    public func threads() throws -> [ForumThread] { try importer.threads() }

    /// The threads of every message read, by the jwz algorithm, decided: each is made when asked
    /// for. Call once, when everything is read.
    public func plan() -> MailThreads { importer.plan() }

    /// The ids the messages read have or name: stored threads holding any of them belong with this mail.
    public var linkKeys: Set<String> { importer.linkKeys }

    /// The subjects of the messages read, without reply prefixes and list tags.
    public var subjectBases: Set<String> { importer.subjectBases }

    /// Whether a stored thread of this id and title may be mail that this import's messages thread with.
    ///
    /// Mail threads are named after a Message-ID (or Weft's `weft-` id for a message with none); other
    /// threads are never taken apart. The title counts when, stripped of "Re:" and list tags, it is a
    /// subject of the mail read: jwz gathers replies whose parents are missing under such a root.
    public static func mayThread(id: String, title: String, subjects: Set<String>) -> Bool {
        guard mayBeMail(threadID: id) else { return false }
        return subjects.contains(Subject.normalize(title).base)
    }

    /// Whether a stored thread of this id may be mail (named after a Message-ID).
    public static func mayBeMail(threadID id: String) -> Bool {
        MailAddress.isLinkable(id) || id.hasPrefix(MailImporter.fallbackIDPrefix)
    }

    /// Takes a stored mail thread back, to be threaded again with the messages read.
    ///
    /// Its posts come out of ``threads()`` where the whole archive would put them; a Message-ID
    /// both stored and read is resolved as one import would (see `MailImporter.settleDuplicateIDs`).
    public func include(stored thread: ForumThread) { importer.include(stored: thread) }
}
