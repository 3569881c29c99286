import Foundation
import WeftModel

/// Turns mail messages (from mbox files or Maildir folders) into threads.
public struct MailImporter {
    /// The messages taken, in the order taken.
    var items: [MailItem] = []
    /// Every Message-ID met (of a message or in a reference), each once: items name them by number.
    var ids = InternedStrings()
    /// Every subject base met (see ``MailItem/subjectBase``).
    var bases = InternedStrings()
    /// The items' references, one after another (see ``MailItem/references``).
    var references: [Int32] = []
    /// For each id number, the place of the first item taken under it, or -1.
    var firstItem: [Int32] = []
    /// How many messages came under a Message-ID met more than once.
    var duplicates: [Int32: Int] = [:]
    /// The inputs messages came from, each once, named by a record's ``MailRecord/origin``.
    var sources: [String] = []
    /// The messages' texts, header fields, subjects and authors: on disk when a spill is set.
    let records = MailRecords()
    /// Issues met so far.
    public private(set) var issues: [ImportIssue] = []
    private var forum: String?

    /// How the id Weft makes for a message without a Message-ID begins.
    static let fallbackIDPrefix = "weft-"

    /// Creates an importer; `forum` names the list when the messages do not.
    public init(forum: String? = nil) { self.forum = forum }

    /// How many messages have been taken (not counting stored posts taken back).
    public var count: Int { releasedCount ?? (items.count - storedCount) }
    /// How many stored posts were taken back to be threaded again.
    var storedCount = 0
    /// Set when a Message-ID was met twice (in the files, or in the files and the store).
    var mayHaveDuplicateIDs = false
    /// How many messages were taken, kept when the items go to the threads.
    var releasedCount: Int?

    /// Where message records go while the archive is read, when set (see ``MailSpill``).
    var spill: MailSpill? {
        get { records.spill }
        nonmutating set { records.spill = newValue }
    }

    /// Adds a file that is one message (a Maildir's), naming `source` in any issue.
    public mutating func add(_ bytes: [UInt8], source: String) {
        take(MailImporter.parse(bytes), source: source, position: Position())
    }

    /// Where a message is in its input, written out only when an issue names it.
    struct Position: CustomStringConvertible, Sendable {
        /// The message's number in an mbox, from 1; 0 for a file that is one message.
        var message: Int32 = 0
        var line: Int32 = 0
        var byte: Int64 = 0

        init() {}

        init(message: Int, line: Int, byte: Int) {
            (self.message, self.line, self.byte) = (Int32(clamping: message), Int32(clamping: line), Int64(byte))
        }

        var description: String { message == 0 ? "line 1" : "message \(message) (line \(line), byte \(byte))" }
    }

    /// The place of `source` in ``sources``, added when it is new (messages come an input at a time).
    mutating func sourceNumber(_ source: String) -> Int32 {
        if sources.last != source { sources.append(source) }
        return Int32(sources.count - 1)
    }

    /// What one message yields on its own: parsed on any thread, before it is numbered and linked.
    struct ParsedMail: Sendable {
        var isMail = true
        var warnings: [String] = []
        var subject = ""
        var author: String?
        var date: Date?
        var body = ""
        var isHTML = false
        var messageID: String?
        var fallbackID = ""
        var references: [String] = []
        var listID: String?
        var headers: MailHeaders?
        var bodyHash: UInt64 = 0
        /// The subject without reply prefixes and list tags (``Subject/normalize(_:)``), and whether it is a reply's.
        var subjectBase = ""
        var subjectIsReply = false
    }

    /// How much of a To or Cc field is kept (a list's Cc can name hundreds).
    static let headerLimit = 1_000

    /// Parses one message's bytes; pure, so messages can be parsed in parallel.
    static func parse(_ bytes: [UInt8]) -> ParsedMail {
        let message = MailMessage.parse(bytes[...])
        var p = ParsedMail()
        let known = ["from", "date", "subject", "message-id", "to", "received", "in-reply-to", "references"]
        guard message.headers.contains(where: { known.contains($0.name.lowercased()) }) else {
            p.isMail = false
            return p
        }
        var extracted = MIME.text(of: message)
        if message.body.isEmpty {
            extracted.warnings.append("the message has headers but no body")
        }
        p.warnings = extracted.warnings
        p.subject = EncodedWords.decode(message.header("Subject") ?? "")
        (p.subjectBase, p.subjectIsReply) = Subject.normalize(p.subject.isEmpty ? "(no subject)" : p.subject)
        p.author = message.header("From").flatMap(MailAddress.displayName)
        p.date = MailDate.parse(message.header("Date"))
        var body = extracted.text
        while body.hasSuffix("\n") || body.hasSuffix(" ") { body.removeLast() }
        p.body = body
        p.bodyHash = StableHash.value(body)
        p.isHTML = extracted.format == .html
        p.messageID = MailAddress.messageIDs(message.header("Message-ID")).first
        if p.messageID == nil {
            p.fallbackID = MailImporter.fallbackIDPrefix + StableHash.hex(
                "\(message.header("From") ?? "")|\(message.header("Date") ?? "")|\(p.subject)|\(extracted.text.prefix(200))")
        }
        // Only real ids link: `In-Reply-To: <yes>` from a broken mailer must not join unrelated messages.
        var refs = MailAddress.messageIDs(message.header("References")).filter(MailAddress.isLinkable)
        if let reply = MailAddress.messageIDs(message.header("In-Reply-To")).first(where: MailAddress.isLinkable), refs.last != reply {
            refs.removeAll { $0 == reply }
            refs.append(reply)
        }
        p.references = refs
        p.listID = message.header("List-Id")
        func field(_ name: String) -> String? {
            guard let raw = message.header(name), !raw.isEmpty else { return nil }
            let decoded = EncodedWords.decode(raw)
            return decoded.count > headerLimit ? String(decoded.prefix(headerLimit)) + "…" : decoded
        }
        let headers = MailHeaders(from: field("From"), to: field("To"), cc: field("Cc"), date: field("Date"),
                                  listID: field("List-Id"))
        p.headers = headers.fields.isEmpty ? nil : headers
        return p
    }

    /// Takes a parsed message in file order: numbers duplicate ids and records issues.
    mutating func take(_ p: ParsedMail, source: String, position at: Position) {
        guard p.isMail else {
            issues.append(ImportIssue(source: source, position: at.description,
                                      reason: "not a mail message (no From, Date, Subject or Message-ID header)", skipped: true))
            return
        }
        for w in p.warnings {
            issues.append(ImportIssue(source: source, position: at.description, reason: w, skipped: false))
        }
        let subject = p.subject.isEmpty ? "(no subject)" : p.subject
        var idText = p.messageID ?? p.fallbackID
        var id = number(idText)
        if firstItem[Int(id)] >= 0 {
            let earlier = items[Int(firstItem[Int(id)])]
            let record = self.record(of: earlier)
            let (firstSource, firstPosition) = (record?.origin.map { sources[Int($0.source)] } ?? "the store", record?.origin?.position.description ?? "")
            if earlier.bodyHash == p.bodyHash, let record, record.author == p.author, record.subject == p.subject, record.body == p.body {
                issues.append(ImportIssue(source: source, position: at.description,
                                          reason: "the same message as \(firstSource) \(firstPosition) (Message-ID <\(idText)>); imported once",
                                          skipped: false))
                return
            }
            let n = duplicates[id] ?? 1
            duplicates[id] = n + 1
            mayHaveDuplicateIDs = true
            issues.append(ImportIssue(source: source, position: at.description,
                                      reason: "duplicate Message-ID <\(idText)> (\(firstSource) \(firstPosition) has another message under it); both kept, the later-dated as <\(idText)#2> or after", skipped: false))
            idText += "#\(n + 1)"
            id = number(idText)
        } else {
            firstItem[Int(id)] = Int32(items.count)
        }
        if forum == nil, let listID = p.listID { forum = MailImporter.listName(listID) }
        let origin = MailItem.Origin(source: sourceNumber(source), position: at)
        let (ref, issue) = records.add(MailRecord(body: p.body, headers: p.headers, subject: subject, author: p.author,
                                                  isHTML: p.isHTML, origin: origin))
        if let issue { issues.append(issue) }
        items.append(MailItem(id: id, references: addReferences(p.references), subjectBase: baseNumber(p.subjectBase),
                              isReply: p.subjectIsReply, date: p.date, bodyHash: p.bodyHash, record: ref))
    }

    /// The number of an id, added when it is new.
    mutating func number(_ id: String) -> Int32 {
        let n = ids.number(id)
        while firstItem.count < ids.count { firstItem.append(-1) }
        return n
    }

    /// The number of a subject base (added when it is new), or -1 for an empty one.
    mutating func baseNumber(_ base: String) -> Int32 { base.isEmpty ? -1 : bases.number(base) }

    /// Adds references to the pool; returns their places.
    mutating func addReferences(_ refs: [String]) -> Range<Int32> {
        let start = Int32(references.count)
        for ref in refs { references.append(number(ref)) }
        return start..<Int32(references.count)
    }

    /// The threads, by the jwz algorithm, made.
    public mutating func threads() throws -> [ForumThread] { try plan().all() }

    /// The threads, by the jwz algorithm, decided but not made (see ``MailThreads``). The importer
    /// gives its messages to them: call once, when every message is taken.
    ///
    /// Messages are threaded in date order (then by id), not in the order the files gave them: where
    /// jwz's choices depend on order (which of two roots with one subject collects the orphans), an
    /// archive threads the same however it was split into files or in what order they came.
    public mutating func plan() -> MailThreads {
        // Only when some Message-ID came twice: the look-up of every id costs a third of a second at 100k.
        if mayHaveDuplicateIDs { settleDuplicateIDs() }
        let mail = JWZThreader.Input(items: items, references: references, ids: ids)
        releasedCount = count
        // The threads hold what is needed from here on: the importer's own copies go.
        (items, references, ids, bases, firstItem, duplicates) = ([], [], InternedStrings(), InternedStrings(), [], [:])
        // The order as places, not a sorted copy of the items.
        let order = mail.items.indices.sorted { a, b in
            let (da, db) = (mail.items[a].sortDate, mail.items[b].sortDate)
            if da != db { return da < db }
            let (ia, ib) = (mail.items[a].id, mail.items[b].id)
            if ia != ib { return mail.ids.less(ia, ib) }
            return a < b
        }
        let (forest, roots) = JWZThreader.thread(mail, order: order)
        return MailThreads(mail: mail, forest: forest, roots: roots, records: records, forum: forum)
    }

    /// A message's text, author and subject, from wherever its record is.
    func record(of item: MailItem) -> MailRecord? { try? records.read(item.record) }

    /// "ksummit-discuss" from `List-Id: <ksummit-discuss.lists.linuxfoundation.org>` (or its description).
    static func listName(_ value: String) -> String? {
        if let id = MailAddress.messageIDs(value).first ?? Optional(value.trimmed).map(String.init),
           let label = id.split(separator: ".").first, !label.isEmpty {
            return String(label)
        }
        return nil
    }
}

extension MailImporter {
    /// How many messages are parsed together, on every core, before they are taken in order.
    static let parseBatch = 4_096

    /// Reads an mbox file from disk a block at a time (see ``MboxReader``); `progress` gets the byte
    /// offset reached and the file's size. Throws when the file cannot be opened or read.
    mutating func addMboxFile(_ path: String, progress: ((Int, Int) -> Void)? = nil) throws {
        guard var reader = MboxReader(path: path) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { reader.close() }
        var taken = 0
        while let (spans, bytes) = try reader.next() {
            add(spans, of: bytes, source: path, numberedFrom: taken)
            taken += spans.count
            progress?(spans.last.map { $0.offset } ?? 0, reader.size)
        }
    }

    /// Reads an mbox file's messages; `progress` gets the byte offset reached.
    public mutating func addMbox(_ bytes: [UInt8], source: String, progress: ((Int) -> Void)? = nil) {
        add(Mbox.spans(bytes), of: bytes, source: source, numberedFrom: 0, wholeFile: true, progress: progress)
    }

    /// Parses messages on every core a batch at a time, then takes them in order.
    private mutating func add(_ spans: [Mbox.Span], of bytes: [UInt8], source: String, numberedFrom first: Int,
                              wholeFile: Bool = false, progress: ((Int) -> Void)? = nil) {
        if wholeFile {
            // Sized up front. Blocks of a file read in parts grow as arrays do instead: reserving
            // each block's exact room would copy everything read so far, every block.
            items.reserveCapacity(items.count + spans.count)
        }
        var start = 0
        while start < spans.count {
            let chunk = Array(spans[start..<min(spans.count, start + MailImporter.parseBatch)])
            let parsed = chunk.parallelMap { span in MailImporter.parse(Mbox.unescape(bytes[span.body])) }
            for (k, (span, p)) in zip(chunk, parsed).enumerated() {
                take(p, source: source, position: Position(message: first + start + k + 1, line: span.line, byte: span.offset))
            }
            start += chunk.count
            progress?(chunk.last?.offset ?? 0)
        }
    }
}
