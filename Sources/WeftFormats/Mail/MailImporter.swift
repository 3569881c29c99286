import Foundation
import WeftModel

/// Turns mail messages (from mbox files or Maildir folders) into threads.
public struct MailImporter {
    var items: [MailItem] = []
    /// Each Message-ID taken, with the place of its first item (kept small: a million ids cost memory).
    var seen: [String: Int32] = [:]
    /// One copy of each Message-ID met, so that a message's own id and every reference to it share one
    /// string (the references of a million replies were a third of an import's memory).
    var interned: Set<String> = []
    /// How many messages came under a Message-ID met more than once.
    var duplicates: [String: Int] = [:]
    /// The inputs messages came from, each once, named by a message's ``MailItem/origin``.
    var sources: [String] = []
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
    /// Where message texts go while the archive is read, when set (see ``MailSpill``).
    var spill: MailSpill?
    /// Whether texts still go to the spill (not after a write to it failed).
    var spillWrites = true
    /// Where each spilled post's text is, by post id, once the items are threaded and let go.
    var spilledByID: [String: MailSpill.Ref] = [:]
    /// How many messages were taken, kept when the items are let go after threading.
    var releasedCount: Int?

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
        var id = p.messageID ?? p.fallbackID
        if let first = seen[id] {
            let earlier = items[Int(first)]
            let (firstSource, firstPosition) = (earlier.origin.map { sources[Int($0.source)] } ?? "the store", earlier.origin?.position.description ?? "")
            if earlier.bodyHash == p.bodyHash, earlier.author == p.author, earlier.subject == p.subject,
               text(of: earlier) == p.body {
                issues.append(ImportIssue(source: source, position: at.description,
                                          reason: "the same message as \(firstSource) \(firstPosition) (Message-ID <\(id)>); imported once",
                                          skipped: false))
                return
            }
            let n = duplicates[id] ?? 1
            duplicates[id] = n + 1
            mayHaveDuplicateIDs = true
            issues.append(ImportIssue(source: source, position: at.description,
                                      reason: "duplicate Message-ID <\(id)> (\(firstSource) \(firstPosition) has another message under it); both kept, the later-dated as <\(id)#2> or after", skipped: false))
            id += "#\(n + 1)"
        } else {
            seen[id] = Int32(items.count)
        }
        if forum == nil, let listID = p.listID { forum = MailImporter.listName(listID) }
        var item = MailItem(id: intern(id), references: p.references.map { intern($0) }, subject: p.subject.isEmpty ? "(no subject)" : p.subject,
                            author: p.author, date: p.date, body: p.body, format: p.isHTML ? .html : .plain, headers: p.headers,
                            bodyHash: p.bodyHash, origin: MailItem.Origin(source: sourceNumber(source), position: at))
        if let spill, spillWrites {
            do {
                item.spilled = try spill.write(body: p.body, headers: p.headers)
                item.body = ""
                item.headers = nil
            } catch {
                // A full disk keeps the texts that follow in memory (those set aside stay readable):
                // the import goes on, only bigger.
                issues.append(ImportIssue(source: spill.path, position: nil,
                                          reason: "message texts cannot be set aside (\(error)); kept in memory", skipped: false))
                spillWrites = false
            }
        }
        items.append(item)
    }

    /// The threads, by the jwz algorithm.
    ///
    /// Messages are threaded in date order (then by id), not in the order the files gave them: where
    /// jwz's choices depend on order (which of two roots with one subject collects the orphans), an
    /// archive threads the same however it was split into files or in what order they came.
    public mutating func threads() -> [ForumThread] {
        // Only when some Message-ID came twice: the look-up of every id costs a third of a second at 100k.
        if mayHaveDuplicateIDs { settleDuplicateIDs() }
        // The order as places, not a sorted copy of the items: a million of them are several hundred MB.
        let order = items.indices.sorted { a, b in
            let (da, db) = (items[a].date ?? .distantFuture, items[b].date ?? .distantFuture)
            if da != db { return da < db }
            if items[a].id != items[b].id { return items[a].id < items[b].id }
            return a < b
        }
        if spill != nil { seen = [:]; duplicates = [:]; interned = [] }  // only taking messages needs them
        let threads = JWZThreader.threads(items, order: order, forum: forum)
        if spill != nil {
            // The threads hold what is needed from here on: the items and their ids go, the texts' places stay.
            for item in items { if let ref = item.spilled { spilledByID[item.id] = ref } }
            releasedCount = count
            items = []
        }
        return threads
    }

    /// The one copy of an id (see ``interned``).
    mutating func intern(_ id: String) -> String { interned.insert(id).memberAfterInsert }

    /// A message's text, from the spill when it was put there.
    func text(of item: MailItem) -> String {
        guard let ref = item.spilled, let spill else { return item.body }
        return (try? spill.read(ref).body) ?? ""
    }

    /// A thread with its posts' texts and header fields brought back from the spill (as it was, when none were spilled).
    public func expand(_ thread: ForumThread) throws -> ForumThread {
        guard let spill, !spilledByID.isEmpty else { return thread }
        var t = thread
        for k in t.posts.indices {
            guard let ref = spilledByID[t.posts[k].id] else { continue }
            let (body, headers) = try spill.read(ref)
            t.posts[k].body = body
            t.posts[k].headers = headers
        }
        return t
    }

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
            seen.reserveCapacity(seen.count + spans.count)
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
