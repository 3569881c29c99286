import Foundation
import WeftModel

/// Writes a store's thread file by hand: the bytes `JSONFormatting.encoder()` gives a ``ThreadDocument``
/// of one thread, at a fraction of the cost.
///
/// Written by hand because an import encodes every thread it stores (1.5 GB at a million posts), and
/// Foundation's encoder, going through `Codable` containers and a tree of values, took a fifth of
/// the import's time. Anything unusual (no posts, a date outside years 1583–9999) is left to the
/// encoder. A test compares both on awkward text.
public enum ThreadFileWriter {
    /// The file's bytes (with the final newline), or nil when the encoder should write this thread.
    public static func encode(_ thread: ForumThread) -> Data? {
        guard !thread.posts.isEmpty else { return nil }
        var json = JSONBytes(capacity: thread.posts.reduce(256) { $0 + $1.body.utf8.count + 256 })
        func raw(_ text: StaticString) { json.raw(text) }
        func string(_ s: String) { json.string(s) }
        func optional(_ s: String?) { json.optional(s) }
        raw("{\n")
        if let forum = thread.forum { raw("  \"forum\" : "); string(forum); raw(",\n") }
        raw("  \"thread\" : {\n    \"id\" : "); string(thread.id)
        raw(",\n    \"posts\" : [\n")
        for (i, post) in thread.posts.enumerated() {
            raw(i == 0 ? "      {\n" : ",\n      {\n")
            raw("        \"author\" : "); optional(post.author)
            raw(",\n        \"body\" : "); string(post.body)
            if let date = post.date {
                guard let text = CivilTime(date).iso8601 else { return nil }
                raw(",\n        \"date\" : "); string(text)
            }
            if post.format != .plain { raw(",\n        \"format\" : "); string(post.format.rawValue) }
            if let headers = post.headers, !headers.fields.isEmpty {
                // Keys sorted, as JSONEncoder's sortedKeys writes them.
                raw(",\n        \"headers\" : {")
                let fields = [("cc", headers.cc), ("date", headers.date), ("from", headers.from),
                              ("list-id", headers.listID), ("to", headers.to)].compactMap { k, v in v.map { (k, $0) } }
                for (k, (key, value)) in fields.enumerated() {
                    raw(k == 0 ? "\n          " : ",\n          ")
                    string(key); raw(" : "); string(value)
                }
                raw("\n        }")
            }
            raw(",\n        \"id\" : "); string(post.id)
            if let reason = post.inferred { raw(",\n        \"inferred\" : "); string(reason.rawValue) }
            if let number = post.number { raw(",\n        \"number\" : "); json.int(number) }
            raw(",\n        \"parent\" : "); optional(post.parent)
            if post.placeholder { raw(",\n        \"placeholder\" : true") }
            if let references = post.references {
                raw(",\n        \"references\" : [\n")
                for (k, id) in references.enumerated() {
                    raw(k == 0 ? "          " : ",\n          ")
                    string(id)
                }
                raw("\n        ]")
            }
            if let signature = post.signature { raw(",\n        \"signature\" : "); string(signature) }
            if let subject = post.subject { raw(",\n        \"subject\" : "); string(subject) }
            raw("\n      }")
        }
        raw("\n    ],\n    \"title\" : "); string(thread.title)
        raw("\n  },\n  \"weft\" : ")
        json.int(ThreadDocument.version)
        raw("\n}\n")
        return Data(json.bytes)
    }

}
