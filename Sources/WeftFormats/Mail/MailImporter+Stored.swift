import Foundation
import WeftModel

extension MailImporter {
    /// The ids this import's messages have or name: what stored threads are looked up by.
    var linkKeys: Set<String> {
        var numbers: Set<Int32> = []
        for item in items where !item.stored {
            numbers.insert(item.id)
            for k in item.references { numbers.insert(references[k]) }
        }
        return Set(numbers.map { ids[$0] })
    }

    /// The subjects of this import's messages, without reply prefixes and list tags.
    var subjectBases: Set<String> {
        Set(items.lazy.filter { !$0.stored && $0.subjectBase >= 0 }.map { bases[$0.subjectBase] })
    }

    /// Takes a stored mail thread's posts back, to be threaded again with this import's messages.
    ///
    /// Each post's references are rebuilt from the stored tree: its ancestors, oldest first, under
    /// the thread's id (the top of the References chain every message of the thread named). A root
    /// takes the thread's title as its subject; a reply, that title as a reply.
    mutating func include(stored thread: ForumThread) {
        let parents = MailImporter.parents(thread.posts)
        for post in thread.posts where !post.placeholder {
            let chain = post.references ?? MailImporter.chain(of: post, parents: parents, thread: thread.id)
            let subject = post.subject ?? MailImporter.subject(of: post, parents: parents, title: thread.title)
            let id = number(post.id)
            if firstItem[Int(id)] >= 0 || MailImporter.numberedBase(post.id) != nil { mayHaveDuplicateIDs = true }
            let (ref, _) = records.add(MailRecord(body: post.body, subject: subject, author: post.author,
                                                  isHTML: post.format == .html, storedPost: post))
            let (base, reply) = Subject.normalize(subject)
            items.append(MailItem(id: id, references: addReferences(chain), subjectBase: baseNumber(base),
                                  isReply: reply, date: post.date, bodyHash: StableHash.value(post.body), record: ref, stored: true))
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
    static func keepHeaders(_ thread: inout ForumThread, headers: [String: MailThreads.Headers]) {
        let parents = parents(thread.posts)
        for k in thread.posts.indices where !thread.posts[k].placeholder {
            guard let own = headers[thread.posts[k].id] else { continue }
            let post = thread.posts[k]
            thread.posts[k].references = chainMatches(post, own.references, parents: parents, thread: thread.id) ? nil : own.references
            let derived = subject(of: post, parents: parents, title: thread.title)
            thread.posts[k].subject = own.subject == derived || Subject.normalize(derived) == Subject.normalize(own.subject) ? nil : own.subject
        }
    }

    /// Resolves every Message-ID that more than one message has, the same way whatever the order or
    /// split they came in: a copy of a message already taken (same author and text) goes, and the
    /// different ones are numbered by date, then text: the earliest keeps the id, the next is `id#2`.
    mutating func settleDuplicateIDs() {
        var position = [Int32](repeating: -1, count: ids.count)
        for (i, item) in items.enumerated() where position[Int(item.id)] < 0 { position[Int(item.id)] = Int32(i) }
        var families: [Int32: [Int]] = [:]
        for (i, item) in items.enumerated() {
            if ids.contains(item.id, byte: UInt8(ascii: "#")), let base = MailImporter.numberedBase(ids[item.id]),
               let b = ids.find(base), position[Int(b)] >= 0 {
                families[b, default: [Int(position[Int(b)])]].append(i)
            } else if position[Int(item.id)] != Int32(i) {
                families[item.id, default: [Int(position[Int(item.id)])]].append(i)
            }
        }
        guard !families.isEmpty else { return }
        var dropped: Set<Int> = []
        for (base, members) in families {
            let records = Dictionary(uniqueKeysWithValues: members.map { ($0, record(of: items[$0])) })
            func author(_ i: Int) -> String? { records[i]??.author }
            // Stored copies first, so a message imported again keeps the post the store had.
            let ordered = members.sorted { (items[$0].stored ? 0 : 1, $0) < (items[$1].stored ? 0 : 1, $1) }
            var kept: [Int] = []
            for i in ordered {
                if kept.contains(where: {
                    items[$0].bodyHash == items[i].bodyHash && author($0) == author(i) && records[$0]??.body == records[i]??.body
                }) {
                    dropped.insert(i)
                } else {
                    kept.append(i)
                }
            }
            kept.sort { a, b in
                let (da, db) = (items[a].sortDate, items[b].sortDate)
                if da != db { return da < db }
                let (ha, hb) = (items[a].bodyHash, items[b].bodyHash)
                if ha != hb { return ha < hb }
                return (author(a) ?? "") < (author(b) ?? "")
            }
            let baseText = ids[base]
            for (n, i) in kept.enumerated() {
                items[i].id = n == 0 ? base : number("\(baseText)#\(n + 1)")
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
