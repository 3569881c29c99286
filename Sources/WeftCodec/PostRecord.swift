import Foundation
import WeftModel

/// One post as written in a Weft JSON thread file.
///
/// Lenient where scrapers differ: ids and parents may be numbers, a date may
/// be an ISO 8601 string or seconds since 1970, and `format` defaults to plain.
struct PostRecord: Codable {
    var id: String
    var author: String?
    var parent: String?
    var date: Date?
    var number: Int?
    var format: BodyFormat
    var body: String
    var placeholder: Bool
    var inferred: ReplyReason?
    var signature: String?
    var subject: String?
    var references: [String]?
    var headers: MailHeaders?

    private enum Keys: String, CodingKey {
        case id, author, parent, date, number, format, body, placeholder, inferred, signature, subject, references, headers
    }

    init(_ post: Post) {
        id = post.id
        author = post.author
        parent = post.parent
        date = post.date
        number = post.number
        format = post.format
        body = post.body
        placeholder = post.placeholder
        inferred = post.inferred
        signature = post.signature
        subject = post.subject
        references = post.references
        headers = post.headers
    }

    var model: Post {
        Post(id: id, author: author, date: date, parent: parent, number: number, body: body, format: format,
             placeholder: placeholder, inferred: inferred, signature: signature, subject: subject,
             references: references, headers: headers)
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        id = try PostRecord.stringOrNumber(c, .id) ?? {
            throw DecodingError.keyNotFound(Keys.id, .init(codingPath: c.codingPath, debugDescription: "a post has no id"))
        }()
        author = try c.decodeIfPresent(String.self, forKey: .author)
        parent = try PostRecord.stringOrNumber(c, .parent)
        number = try c.decodeIfPresent(Int.self, forKey: .number)
        format = try c.decodeIfPresent(BodyFormat.self, forKey: .format) ?? .plain
        body = try c.decode(String.self, forKey: .body)
        placeholder = try c.decodeIfPresent(Bool.self, forKey: .placeholder) ?? false
        signature = try c.decodeIfPresent(String.self, forKey: .signature)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        references = try c.decodeIfPresent([String].self, forKey: .references)
        headers = try c.decodeIfPresent(MailHeaders.self, forKey: .headers)
        // No `parent` key means the source gave no reply link (a flat forum's posts): the link is
        // inferred. A `parent` key, even `null`, is a link and is kept.
        inferred = try c.decodeIfPresent(ReplyReason.self, forKey: .inferred)
            ?? (c.contains(.parent) || placeholder ? nil : .default)
        if let seconds = try? c.decodeIfPresent(Double.self, forKey: .date) {
            date = Date(timeIntervalSince1970: seconds)
        } else if let text = try c.decodeIfPresent(String.self, forKey: .date) {
            guard let parsed = DateText.parseISO8601(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .date, in: c, debugDescription: "\"\(text)\" is not an ISO 8601 date")
            }
            date = parsed
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(author, forKey: .author)
        try c.encode(parent, forKey: .parent)
        if let date { try c.encode(DateText.iso8601(date), forKey: .date) }
        try c.encodeIfPresent(number, forKey: .number)
        if format != .plain { try c.encode(format, forKey: .format) }
        try c.encode(body, forKey: .body)
        if placeholder { try c.encode(true, forKey: .placeholder) }
        try c.encodeIfPresent(inferred, forKey: .inferred)
        try c.encodeIfPresent(references, forKey: .references)
        try c.encodeIfPresent(headers, forKey: .headers)
        try c.encodeIfPresent(signature, forKey: .signature)
        try c.encodeIfPresent(subject, forKey: .subject)
    }

    private static func stringOrNumber(_ c: KeyedDecodingContainer<Keys>, _ key: Keys) throws -> String? {
        guard c.contains(key) else { return nil }
        if let s = try? c.decodeIfPresent(String.self, forKey: key) { return s }
        if let n = try? c.decodeIfPresent(Int64.self, forKey: key) { return String(n) }
        if try c.decodeNil(forKey: key) { return nil }
        throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected a string or a number")
    }
}
