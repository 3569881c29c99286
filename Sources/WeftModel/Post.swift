import Foundation

/// One message in a thread: who wrote what, when, and in answer to whom.
///
/// The author, the date and the parent may each be unknown: saved web pages
/// lose names and dates, and mail archives lose parents.
public struct Post: Equatable, Hashable, Sendable, Codable {
    /// The post's id, unique within its thread (Message-ID, Discourse id, …).
    public var id: String
    /// The author's display name, or `nil` when the source does not name one.
    public var author: String?
    /// When the post was written, or `nil` when unknown.
    public var date: Date?
    /// The id of the post this one answers, or `nil` for a thread's opening post.
    public var parent: String?
    /// The source's own number for the post, when it has one: Discourse's `post_number`, or a forum's
    /// post id on a saved page. Quotes name posts by it (`post:N`), and pages of a thread merge in its order.
    public var number: Int?
    /// The text of the post.
    public var body: String
    /// How ``body`` is written.
    public var format: BodyFormat
    /// Set for a stand-in for a post the archive lacks but replies name (a mail
    /// thread's missing parent, a Reddit "more replies" stub). Not counted as a post.
    public var placeholder: Bool
    /// Set when the source gave no reply link and ``parent`` was inferred (see ``ReplyInference``):
    /// why this parent was chosen. `nil` for a link the source gave, which inference never changes.
    public var inferred: ReplyReason?
    /// The author's signature, kept apart from the body: shown dimmed after it, never
    /// searched, never taken as a quote's source. Saved forum pages have them.
    public var signature: String?
    /// The message's own subject, kept only where it says more than the thread's title (not just
    /// "Re:" and list tags): a mail reply that changed the subject.
    public var subject: String?
    /// The Message-IDs a mail message named (References, then In-Reply-To), kept only where the
    /// stored tree does not already say them (an ancestor missing from the archive), so that mail
    /// imported later threads as the whole archive would.
    public var references: [String]?
    /// A mail message's header fields a reader may want to see (`h` in the browser); nil for other sources.
    public var headers: MailHeaders?

    /// Creates a post.
    public init(
        id: String, author: String? = nil, date: Date? = nil, parent: String? = nil,
        number: Int? = nil, body: String, format: BodyFormat = .plain, placeholder: Bool = false,
        inferred: ReplyReason? = nil, signature: String? = nil, subject: String? = nil, references: [String]? = nil,
        headers: MailHeaders? = nil
    ) {
        self.id = id
        self.author = author
        self.date = date
        self.parent = parent
        self.number = number
        self.body = body
        self.format = format
        self.placeholder = placeholder
        self.inferred = inferred
        self.signature = signature
        self.subject = subject
        self.references = references
        self.headers = headers
    }

    /// The author's name for display: the name, or "(unnamed)".
    public var displayAuthor: String { author ?? Post.unnamedAuthor }

    /// What the UI and the text exports call a post without an author.
    public static let unnamedAuthor = "(unnamed)"
}

/// How a post's body is written.
public enum BodyFormat: String, Equatable, Hashable, Sendable, Codable, CaseIterable {
    /// Plain text, as in mail and saved pages.
    case plain
    /// Markdown as Discourse writes it (`raw`): a single newline is a line break.
    case markdown
    /// CommonMark as Reddit writes it: a single newline is a space; `^superscript`, `>!spoilers!<`, `u/name`.
    case commonmark
    /// Text derived from HTML (Discourse `cooked`).
    case html
}

/// The header fields of a mail message kept for reading, decoded, as the message gave them.
///
/// The Subject and Message-ID are not here: they are the post's ``Post/subject`` (or its thread's title)
/// and ``Post/id``.
public struct MailHeaders: Equatable, Hashable, Sendable, Codable {
    /// The fields, behind one reference: a post's inline size grows by a word, not five strings (a
    /// million posts held while an archive is threaded are 80 MB smaller for it).
    private final class Fields: Sendable {
        let from, to, cc, date, listID: String?
        init(_ from: String?, _ to: String?, _ cc: String?, _ date: String?, _ listID: String?) {
            (self.from, self.to, self.cc, self.date, self.listID) = (from, to, cc, date, listID)
        }
    }
    private var storage: Fields

    /// `From`, with the address: `Theodore Ts'o <tytso@mit.edu>`.
    public var from: String? { storage.from }
    public var to: String? { storage.to }
    public var cc: String? { storage.cc }
    /// `Date` as written, with the sender's zone.
    public var date: String? { storage.date }
    public var listID: String? { storage.listID }

    private enum CodingKeys: String, CodingKey {
        case from, to, cc, date
        case listID = "list-id"
    }

    public init(from: String? = nil, to: String? = nil, cc: String? = nil, date: String? = nil, listID: String? = nil) {
        storage = Fields(from, to, cc, date, listID)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(from: try c.decodeIfPresent(String.self, forKey: .from), to: try c.decodeIfPresent(String.self, forKey: .to),
                  cc: try c.decodeIfPresent(String.self, forKey: .cc), date: try c.decodeIfPresent(String.self, forKey: .date),
                  listID: try c.decodeIfPresent(String.self, forKey: .listID))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(from, forKey: .from)
        try c.encodeIfPresent(to, forKey: .to)
        try c.encodeIfPresent(cc, forKey: .cc)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(listID, forKey: .listID)
    }

    public static func == (a: MailHeaders, b: MailHeaders) -> Bool {
        a.storage === b.storage || (a.from, a.to, a.cc, a.date, a.listID) == (b.from, b.to, b.cc, b.date, b.listID)
    }

    public func hash(into hasher: inout Hasher) {
        for field in [from, to, cc, date, listID] { hasher.combine(field) }
    }

    /// The fields that are set, in the order a mail reader shows them, with their names.
    public var fields: [(name: String, value: String)] {
        [("From", from), ("To", to), ("Cc", cc), ("Date", date), ("List-Id", listID)].compactMap { name, value in
            value.map { (name, $0) }
        }
    }

    /// The sender's address, lower-cased: what makes one author of several spellings of a name.
    public var address: String? {
        guard let from, let lt = from.lastIndex(of: "<"), let gt = from.lastIndex(of: ">"), lt < gt else {
            return from.flatMap { $0.contains("@") && !$0.contains(" ") ? $0.lowercased() : nil }
        }
        return from[from.index(after: lt)..<gt].trimmingCharacters(in: .whitespaces).lowercased()
    }
}
