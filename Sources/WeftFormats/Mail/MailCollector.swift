import Foundation
import WeftModel

/// The mail of one import, from all its inputs, threaded together at the end.
///
/// A list archive split over several mbox files, Maildirs and message files is threaded as one:
/// a reply in one file finds its parent in another, and the store receives the threads the whole
/// archive would give. Pass one to ``Importer/read(_:format:forum:recipes:mail:progress:)`` for each
/// input, then take ``threads()`` and ``issues`` once.
public final class MailCollector {
    var importer: MailImporter

    public init(forum: String? = nil) { importer = MailImporter(forum: forum) }

    /// How many messages have been read.
    public var count: Int { importer.count }

    /// What could not be taken as it was, from every input.
    public var issues: [ImportIssue] { importer.issues }

    /// The threads of every message read, by the jwz algorithm.
    public func threads() -> [ForumThread] { importer.threads() }
}
