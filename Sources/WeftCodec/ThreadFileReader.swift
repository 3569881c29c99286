import Foundation
import WeftModel

/// Reads the thread files Weft writes, byte by byte: Foundation's decoder took 97 ms of the 158 it
/// took to open a 5,000-post thread.
///
/// Only the shape ``ThreadFileWriter`` writes is read here: the keys it writes, each once, with
/// the types it writes them with, strings as valid UTF-8, whole numbers, dates to the second.
/// Anything else (a comment key, a number for an id, a date in another form, a key twice, bad
/// JSON) gives nil, and the caller decodes with `JSONDecoder`, which reads every form the format
/// allows and words any error. So this reader is never the one to refuse a file, and a test holds
/// it to the decoder's result on every file it reads.
public enum ThreadFileReader {
    /// The document, or nil when the bytes are not in the shape Weft writes.
    public static func decode(_ data: Data) -> ThreadDocument? {
        data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            return reader.document()
        }
    }

    /// A cursor over the bytes; every method returns nil (or false) at anything unexpected.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func document() -> ThreadDocument? {
            var forum: String?
            var thread: (id: String?, title: String, forum: String?, posts: [Post])?
            var seen: Set<String> = []
            let ok = object { key, r in
                guard seen.insert(key).inserted else { return false }
                switch key {
                case "weft":
                    guard let v = r.integer(), v <= ThreadDocument.version else { return false }
                case "forum": guard r.nullableString(&forum) else { return false }
                case "thread": thread = r.thread(); return thread != nil
                default: return false
                }
                return true
            }
            skipSpace()
            guard ok, at == bytes.count, let thread else { return nil }
            return ThreadDocument(forum: forum, threads: [
                ThreadRecord.model(id: thread.id, title: thread.title, forum: thread.forum, posts: thread.posts, outer: forum),
            ])
        }

        mutating func thread() -> (id: String?, title: String, forum: String?, posts: [Post])? {
            var id: String?, title: String?, forum: String?
            var posts: [Post] = []
            var seen: Set<String> = []
            let ok = object { key, r in
                guard seen.insert(key).inserted else { return false }
                switch key {
                case "id": return r.nullableString(&id)
                case "title": title = r.string(); return title != nil
                case "forum": return r.nullableString(&forum)
                case "posts": return r.array { r in
                        guard let post = r.post() else { return false }
                        posts.append(post)
                        return true
                    }
                default: return false
                }
            }
            guard ok, let title, seen.contains("posts") else { return nil }
            return (id, title, forum, posts)
        }

        mutating func post() -> Post? {
            var post = Post(id: "", body: "")
            var hasID = false, hasBody = false, hasParent = false
            var inferred: ReplyReason?
            var seen: Set<String> = []
            let ok = object { key, r in
                guard seen.insert(key).inserted else { return false }
                switch key {
                case "id": guard let s = r.string() else { return false }; post.id = s; hasID = true
                case "author": return r.nullableString(&post.author)
                case "parent": hasParent = true; return r.nullableString(&post.parent)
                case "date": return r.nullable(&post.date, ThreadFileReader.date)
                case "number":
                    if r.null() { return true }
                    guard let n = r.integer() else { return false }
                    post.number = n
                case "format":
                    var format: BodyFormat?
                    guard r.nullable(&format, BodyFormat.init(rawValue:)) else { return false }
                    post.format = format ?? .plain
                case "body": guard let s = r.string() else { return false }; post.body = s; hasBody = true
                case "placeholder":
                    if r.null() { return true }
                    guard let b = r.bool() else { return false }
                    post.placeholder = b
                case "inferred": return r.nullable(&inferred, ReplyReason.init(rawValue:))
                case "signature": return r.nullableString(&post.signature)
                case "subject": return r.nullableString(&post.subject)
                case "references":
                    if r.null() { return true }
                    var refs: [String] = []
                    guard r.array({ r in r.string().map { refs.append($0) } != nil }) else { return false }
                    post.references = refs
                case "headers":
                    if r.null() { return true }
                    guard let h = r.headers() else { return false }
                    post.headers = h
                default: return false
                }
                return true
            }
            guard ok, hasID, hasBody else { return nil }
            // As the decoder: no `parent` key means a link to infer (see PostRecord).
            post.inferred = inferred ?? (hasParent || post.placeholder ? nil : .default)
            return post
        }

        mutating func headers() -> MailHeaders? {
            var fields: [String: String] = [:]
            let ok = object { key, r in
                guard ["from", "to", "cc", "date", "list-id"].contains(key), fields[key] == nil else { return false }
                var value: String?
                guard r.nullableString(&value) else { return false }
                if let value { fields[key] = value }
                return true
            }
            guard ok else { return nil }
            return MailHeaders(from: fields["from"], to: fields["to"], cc: fields["cc"], date: fields["date"], listID: fields["list-id"])
        }
    }

    /// `2024-03-03T14:02:00Z`, the only form the writer gives a date; nil for any other.
    static func date(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1583...9999).contains(year), (1...12).contains(month), (1...31).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = CivilTime.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
        let date = Date(timeIntervalSince1970: Double(seconds))
        // A day past the month's end (February 30) is left to the decoder.
        return CivilTime(date).day == day ? date : nil
    }
}
