import Foundation
import WeftModel

extension MailImporter {
    /// The ids this import's messages have or name: what stored threads are looked up by.
    var linkKeys: Set<String> {
        var keys: Set<String> = []
        keys.reserveCapacity(items.count * 2)
        for item in items where !item.stored {
            keys.insert(item.id)
            keys.formUnion(item.references)
        }
        return keys
    }

    /// The subjects of this import's messages, without reply prefixes and list tags.
    var subjectBases: Set<String> {
        Set(items.lazy.filter { !$0.stored }.map { Subject.normalize($0.subject).base }.filter { !$0.isEmpty })
    }

    /// Takes a stored mail thread's posts back, to be threaded again with this import's messages.
    ///
    /// Each post's references are rebuilt from the stored tree: its ancestors, oldest first, under
    /// the thread's id (the top of the References chain every message of the thread named). A root
    /// takes the thread's title as its subject; a reply, that title as a reply.
    mutating func include(stored thread: ForumThread) {
        let parents = MailImporter.parents(thread.posts)
        for post in thread.posts where !post.placeholder {
            let references = post.references ?? MailImporter.chain(of: post, parents: parents, thread: thread.id)
            let subject = post.subject ?? MailImporter.subject(of: post, parents: parents, title: thread.title)
            if seen[post.id] != nil || MailImporter.numberedBase(post.id) != nil { mayHaveDuplicateIDs = true }
            items.append(MailItem(id: post.id, references: references, subject: subject, author: post.author, date: post.date,
                                  body: post.body, format: post.format, storedPost: MailItem.Stored(post), bodyHash: StableHash.value(post.body)))
            storedCount += 1
        }
    }

    /// Each post's parent, by id (placeholders too).
    static func parents(_ posts: [Post]) -> [String: String?] {
        var parents: [String: String?] = [:]
        parents.reserveCapacity(posts.count)
        for p in posts { parents[p.id] = p.parent }
        return parents
    }

    /// The references a stored post is taken to have named when it keeps none: its ancestors in the
    /// stored tree, oldest first, under the thread's id (the top of the chain the thread's mail named).
    static func chain(of post: Post, parents: [String: String?], thread id: String) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = [post.id]
        var next = post.parent
        while let ancestor = next, seen.insert(ancestor).inserted {
            chain.append(ancestor)
            next = parents[ancestor] ?? nil
        }
        chain.reverse()
        if post.id != id, chain.first != id { chain.insert(id, at: 0) }
        return chain
    }

    /// The subject a stored post is taken to have had when it keeps none: the thread's title for a
    /// root, that title as a reply for the rest.
    static func subject(of post: Post, parents: [String: String?], title: String) -> String {
        let isRoot = post.parent.map { parents[$0] == nil } ?? true
        return isRoot ? title : "Re: " + title
    }

    /// Whether ``chain(of:parents:thread:)`` would give exactly `references`, found by walking both
    /// back together without building the chain (a thread of thousands of deep replies costs
    /// the length of each message's own References, not of its ancestry, and allocates nothing).
    static func chainMatches(_ post: Post, _ references: [String], parents: [String: String?], thread id: String) -> Bool {
        var i = references.count
        var next = post.parent
        var oldest: String?
        while let ancestor = next {
            // More ancestors than references, or a loop: they differ (the references are then kept).
            guard i > 0, ancestor != post.id else { return false }
            i -= 1
            guard references[i] == ancestor else { return false }
            oldest = ancestor
            next = parents[ancestor] ?? nil
        }
        if post.id != id, oldest != id { return i == 1 && references[0] == id }
        return i == 0
    }

    /// What a thread's posts keep of their messages' References and Subject: only what the stored
    /// tree and title do not already say, so that ``include(stored:)`` gives back the items threaded.
    static func keepHeaders(_ thread: inout ForumThread, items: [MailItem], index: [String: Int]) {
        let parents = parents(thread.posts)
        for k in thread.posts.indices where !thread.posts[k].placeholder {
            guard let i = index[thread.posts[k].id] else { continue }
            let post = thread.posts[k]
            let references = items[i].references
            thread.posts[k].references = chainMatches(post, references, parents: parents, thread: thread.id) ? nil : references
            let derived = subject(of: post, parents: parents, title: thread.title)
            let own = items[i].subject
            thread.posts[k].subject = own == derived || Subject.normalize(derived) == Subject.normalize(own) ? nil : own
        }
    }

    /// Resolves every Message-ID that more than one message has, the same way whatever the order or
    /// split they came in: a copy of a message already taken (same author and text) goes, and the
    /// different ones are numbered by date, then text: the earliest keeps the id, the next is `id#2`.
    mutating func settleDuplicateIDs() {
        var position: [String: Int] = [:]
        position.reserveCapacity(items.count)
        for (i, item) in items.enumerated() where position[item.id] == nil { position[item.id] = i }
        var families: [String: [Int]] = [:]
        for (i, item) in items.enumerated() {
            if let base = MailImporter.numberedBase(item.id), position[base] != nil {
                families[base, default: [position[base]!]].append(i)
            } else if position[item.id] != i {
                families[item.id, default: [position[item.id]!]].append(i)
            }
        }
        guard !families.isEmpty else { return }
        var dropped: Set<Int> = []
        for (base, members) in families {
            // Stored copies first, so a message imported again keeps the post the store had.
            let ordered = members.sorted { (items[$0].stored ? 0 : 1, $0) < (items[$1].stored ? 0 : 1, $1) }
            var kept: [Int] = []
            for i in ordered {
                let item = items[i]
                if kept.contains(where: {
                    items[$0].bodyHash == item.bodyHash && items[$0].author == item.author && text(of: items[$0]) == text(of: item)
                }) {
                    dropped.insert(i)
                } else {
                    kept.append(i)
                }
            }
            kept.sort { a, b in
                let (pa, pb) = (items[a], items[b])
                let (da, db) = (pa.date ?? .distantFuture, pb.date ?? .distantFuture)
                if da != db { return da < db }
                let (ha, hb) = (items[a].bodyHash, items[b].bodyHash)
                if ha != hb { return ha < hb }
                return (pa.author ?? "") < (pb.author ?? "")
            }
            for (n, i) in kept.enumerated() {
                items[i].id = n == 0 ? base : "\(base)#\(n + 1)"
            }
        }
        if !dropped.isEmpty {
            items = items.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        }
    }

    /// "x@y" for "x@y#3": the id a duplicate was numbered after.
    static func numberedBase(_ id: String) -> String? {
        guard let hash = id.lastIndex(of: "#"), hash != id.startIndex else { return nil }
        let digits = id[id.index(after: hash)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), Int(digits).map({ $0 >= 2 }) == true else { return nil }
        return String(id[..<hash])
    }
}
