import Foundation
import WeftModel

/// Turns mail messages (from mbox files or Maildir folders) into threads.
public struct MailImporter {
    private var items: [MailItem] = []
    private var seenIDs: [String: Int] = [:]
    private var firstSeen: [String: (index: Int, position: String)] = [:]
    /// Issues met so far.
    public private(set) var issues: [ImportIssue] = []
    private var forum: String?

    /// Creates an importer; `forum` names the list when the messages do not.
    public init(forum: String? = nil) { self.forum = forum }

    /// How many messages have been taken.
    public var count: Int { items.count }

    /// Adds one message, naming `source` and `position` in any issue.
    public mutating func add(_ bytes: [UInt8], source: String, position: String) {
        let message = MailMessage.parse(bytes[...])
        let known = ["from", "date", "subject", "message-id", "to", "received", "in-reply-to", "references"]
        guard message.headers.contains(where: { known.contains($0.name.lowercased()) }) else {
            issues.append(ImportIssue(source: source, position: position,
                                      reason: "not a mail message (no From, Date, Subject or Message-ID header)", skipped: true))
            return
        }
        var extracted = MIME.text(of: message)
        if message.body.isEmpty && !bytes.contains(0x0A) || message.body.isEmpty {
            extracted.warnings.append("the message has headers but no body")
        }
        for w in extracted.warnings {
            issues.append(ImportIssue(source: source, position: position, reason: w, skipped: false))
        }
        let subject = EncodedWords.decode(message.header("Subject") ?? "")
        let author = message.header("From").flatMap(MailAddress.displayName)
        let date = MailDate.parse(message.header("Date"))
        var body = extracted.text
        while body.hasSuffix("\n") || body.hasSuffix(" ") { body.removeLast() }
        var id = MailAddress.messageIDs(message.header("Message-ID")).first
            ?? "weft-" + StableHash.hex("\(message.header("From") ?? "")|\(message.header("Date") ?? "")|\(subject)|\(extracted.text.prefix(200))")
        if let first = firstSeen[id], items[first.index].post.body == body, items[first.index].post.author == author,
           items[first.index].subject == subject {
            issues.append(ImportIssue(source: source, position: position,
                                      reason: "the same message as \(first.position) (Message-ID <\(id)>); imported once",
                                      skipped: false))
            return
        }
        if let n = seenIDs[id] {
            seenIDs[id] = n + 1
            issues.append(ImportIssue(source: source, position: position,
                                      reason: "duplicate Message-ID <\(id)>; kept as <\(id)#\(n + 1)>", skipped: false))
            id += "#\(n + 1)"
        } else {
            seenIDs[id] = 1
            firstSeen[id] = (items.count, "\(source) \(position)")
        }
        var refs = MailAddress.messageIDs(message.header("References"))
        if let reply = MailAddress.messageIDs(message.header("In-Reply-To")).first, refs.last != reply {
            refs.removeAll { $0 == reply }
            refs.append(reply)
        }
        if forum == nil, let listID = message.header("List-Id") { forum = MailImporter.listName(listID) }
        let post = Post(id: id, author: author, date: date, parent: nil, body: body,
                        format: extracted.format == .html ? .html : .plain)
        items.append(MailItem(id: id, references: refs, subject: subject.isEmpty ? "(no subject)" : subject, post: post))
    }

    /// The threads, by the jwz algorithm.
    public func threads() -> [ForumThread] {
        JWZThreader.threads(items, forum: forum)
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
    /// Reads an mbox file's messages.
    public mutating func addMbox(_ bytes: [UInt8], source: String, progress: ((Int) -> Void)? = nil) {
        var n = 0
        Mbox.forEach(bytes) { entry in
            n += 1
            add(entry.bytes, source: source, position: "message \(n) (line \(entry.line), byte \(entry.offset))")
            progress?(entry.offset)
        }
    }
}
