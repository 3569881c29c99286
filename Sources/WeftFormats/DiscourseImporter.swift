import Foundation
import WeftModel
import WeftCodec

/// Reads Discourse API responses: topics, paged post streams, and single or latest posts.
///
/// - `/t/ID.json`: a topic with `post_stream.posts`;
/// - `/t/ID/posts.json` pages: `post_stream.posts` (pages that overlap merge by post id);
/// - `/posts.json`: `latest_posts`, grouped by `topic_id`;
/// - a single post object, or a list of them.
///
/// Each topic becomes the thread `discourse-<topic id>`; posts keep their
/// Discourse ids. `reply_to_post_number` gives the parent (written `#N`
/// and resolved once the thread holds post N); a post that answers no one
/// answers the opening post. The `raw` Markdown is preferred; otherwise
/// `cooked` HTML is turned into text by ``HTMLText``, which keeps
/// `<aside class="quote">` as a quote that links to its post.
enum DiscourseImporter {
    struct PostJSON: Decodable {
        var id: Int
        var username: String?
        var name: String?
        var created_at: String?
        var cooked: String?
        var raw: String?
        var post_number: Int?
        var reply_to_post_number: Int?
        var topic_id: Int?
        var topic_title: String?
        var topic_slug: String?
        var deleted_at: String?
    }

    struct StreamJSON: Decodable { var posts: [PostJSON]? }

    struct TopicJSON: Decodable {
        var id: Int?
        var title: String?
        var fancy_title: String?
        var post_stream: StreamJSON?
        var latest_posts: [PostJSON]?
    }

    /// Whether a parsed JSON value has a Discourse shape.
    static func matches(_ object: Any) -> Bool {
        if let d = object as? [String: Any] {
            return d["post_stream"] != nil || d["latest_posts"] != nil || (d["post_number"] != nil && d["topic_id"] != nil)
        }
        if let a = object as? [[String: Any]], let first = a.first { return first["post_number"] != nil && first["topic_id"] != nil }
        return false
    }

    static func read(_ data: Data, source: String) throws -> ImportBatch {
        let decoder = JSONDecoder()
        var posts: [PostJSON] = []
        var topicTitle: [Int: String] = [:]
        var topicID: Int?
        if let topic = try? decoder.decode(TopicJSON.self, from: data), topic.post_stream != nil || topic.latest_posts != nil {
            posts = (topic.post_stream?.posts ?? []) + (topic.latest_posts ?? [])
            topicID = topic.id
            if let id = topic.id, let title = topic.title ?? topic.fancy_title { topicTitle[id] = title }
        } else if let one = try? decoder.decode(PostJSON.self, from: data) {
            posts = [one]
        } else {
            do { posts = try decoder.decode([PostJSON].self, from: data) } catch let error as DecodingError {
                throw ImportError(source: source, position: nil,
                                  reason: "not a Discourse response: " + JSONErrorText.describe(error, in: data))
            }
        }
        var issues: [ImportIssue] = []
        var byTopic: [Int: [Post]] = [:]
        var order: [Int] = []
        for (n, p) in posts.enumerated() {
            guard let topic = p.topic_id ?? topicID else {
                issues.append(ImportIssue(source: source, position: "post \(n + 1) (id \(p.id))",
                                          reason: "the post names no topic_id", skipped: true))
                continue
            }
            if let t = p.topic_title, topicTitle[topic] == nil { topicTitle[topic] = t }
            let body: String
            let format: BodyFormat
            if let raw = p.raw, !raw.isEmpty {
                body = raw
                format = .markdown
            } else {
                body = HTMLText.text(from: p.cooked ?? "")
                format = .html
            }
            var parent: String?
            if let number = p.post_number, number > 1 { parent = "#\(p.reply_to_post_number ?? 1)" }
            if byTopic[topic] == nil { order.append(topic) }
            byTopic[topic, default: []].append(Post(
                id: String(p.id), author: p.username ?? p.name, date: DateText.parseISO8601(p.created_at),
                parent: parent, number: p.post_number, body: p.deleted_at != nil && body.isEmpty ? "(deleted)" : body,
                format: format))
        }
        let threads = order.map { topic -> ForumThread in
            var t = ForumThread(id: "discourse-\(topic)", title: topicTitle[topic] ?? "(untitled topic \(topic))")
            var sorted = byTopic[topic]!
            sorted.sort { ($0.number ?? .max) < ($1.number ?? .max) }
            t.merge(ForumThread(id: t.id, title: t.title, posts: sorted))
            return t
        }
        return ImportBatch(threads: threads, issues: issues)
    }
}
