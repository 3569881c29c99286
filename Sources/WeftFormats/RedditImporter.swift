import Foundation
import WeftModel

/// Reads Reddit `/comments/ID` responses and `morechildren` responses.
///
/// The submission is the root (`t3_…`); nested `replies` give the tree
/// (walked without recursion). Each `more` stub becomes a visible
/// "N more replies not in this file" placeholder; when a `morechildren`
/// response is given alongside (the same name with `.morechildren.json`, or
/// imported in the same run) its comments are merged in and the stub
/// counts only what is still missing. Deleted and removed comments keep
/// Reddit's `[deleted]` and `[removed]`.
enum RedditImporter {
    static func isComments(_ object: Any) -> Bool {
        guard let a = object as? [[String: Any]], let first = a.first else { return false }
        return first["kind"] as? String == "Listing"
    }

    static func isMoreChildren(_ object: Any) -> Bool {
        guard let a = object as? [[String: Any]], let first = a.first else { return false }
        return first["json"] != nil
    }

    /// A comments response, plus any `morechildren` responses to merge.
    static func read(_ object: Any, more: [Any], source: String) -> ImportBatch {
        guard let listings = object as? [[String: Any]], let submission = children(of: listings.first).first,
              let sdata = submission["data"] as? [String: Any], let linkName = sdata["name"] as? String else {
            return ImportBatch(issues: [ImportIssue(source: source, position: nil,
                                                    reason: "a Reddit listing without a submission", skipped: true)])
        }
        var posts: [Post] = []
        let rootBody = (sdata["selftext"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? (sdata["url"] as? String ?? "")
        posts.append(Post(id: linkName, author: sdata["author"] as? String, date: date(sdata["created_utc"]),
                          body: rootBody, format: .commonmark))
        // Walk the comment forest without recursion.
        var stack: [[String: Any]] = listings.count > 1 ? children(of: listings[1]).reversed() : []
        while let thing = stack.popLast() {
            guard let kind = thing["kind"] as? String, let data = thing["data"] as? [String: Any] else { continue }
            if kind == "t1" {
                posts.append(comment(data))
                if let replies = data["replies"] as? [String: Any] {
                    stack.append(contentsOf: children(of: replies).reversed())
                }
            } else if kind == "more" {
                // The stub lists the comments it stands for, so that they replace it when they
                // arrive, here or in a later import (see `ForumThread.settleStubs`).
                let ids = (data["children"] as? [String]) ?? []
                let count = ids.isEmpty ? (data["count"] as? Int) ?? 0 : ids.count
                let id = "more_" + ((data["id"] as? String) ?? ids.first ?? "\(posts.count)")
                posts.append(Post(id: id, parent: data["parent_id"] as? String, body: ForumThread.stubText(count),
                                  placeholder: true, references: ids.isEmpty ? nil : ids.map { "t1_" + $0 }))
            }
        }
        // Merge morechildren comments.
        var known = Set(posts.map(\.id))
        for response in more {
            for item in (response as? [[String: Any]]) ?? [] {
                let things = ((item["json"] as? [String: Any])?["data"] as? [String: Any])?["things"] as? [[String: Any]] ?? []
                for thing in things where thing["kind"] as? String == "t1" {
                    guard let data = thing["data"] as? [String: Any] else { continue }
                    let post = comment(data)
                    if known.insert(post.id).inserted { posts.append(post) }
                }
            }
        }
        var thread = ForumThread(id: "reddit-" + linkName.dropFirst(3), title: sdata["title"] as? String ?? "(untitled)",
                                 forum: (sdata["subreddit_name_prefixed"] as? String) ?? (sdata["subreddit"] as? String).map { "r/" + $0 },
                                 posts: posts)
        thread.settleStubs()
        return ImportBatch(threads: [thread])
    }

    /// A `morechildren` response read on its own: its comments, as posts of their thread.
    static func readMoreChildren(_ object: Any, source: String) -> ImportBatch {
        var byLink: [String: [Post]] = [:]
        for item in (object as? [[String: Any]]) ?? [] {
            let things = ((item["json"] as? [String: Any])?["data"] as? [String: Any])?["things"] as? [[String: Any]] ?? []
            for thing in things where thing["kind"] as? String == "t1" {
                guard let data = thing["data"] as? [String: Any], let link = data["link_id"] as? String else { continue }
                byLink[link, default: []].append(comment(data))
            }
        }
        let threads = byLink.keys.sorted().map { link in
            ForumThread(id: "reddit-" + link.dropFirst(3), title: "(untitled thread \(link))", posts: byLink[link]!)
        }
        return ImportBatch(threads: threads)
    }

    private static func comment(_ data: [String: Any]) -> Post {
        let name = (data["name"] as? String) ?? "t1_" + ((data["id"] as? String) ?? "?")
        return Post(id: name, author: data["author"] as? String, date: date(data["created_utc"]),
                    parent: data["parent_id"] as? String, body: (data["body"] as? String) ?? "", format: .commonmark)
    }

    private static func children(of listing: [String: Any]?) -> [[String: Any]] {
        ((listing?["data"] as? [String: Any])?["children"] as? [[String: Any]]) ?? []
    }

    private static func date(_ value: Any?) -> Date? {
        if let d = value as? Double { return Date(timeIntervalSince1970: d) }
        if let i = value as? Int { return Date(timeIntervalSince1970: Double(i)) }
        return nil
    }
}
