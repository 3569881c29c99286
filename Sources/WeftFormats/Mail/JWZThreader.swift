import Foundation
import WeftModel

/// One message ready for threading: its ids, subject and what its post is made of.
///
/// The post's fields are kept, not a post: an item is what a million of are held while an archive is
/// threaded, and a post carries fields mail never sets (``post`` makes it when the thread is built).
struct MailItem: Sendable {
    var id: String
    /// References then In-Reply-To: ancestors, oldest first.
    var references: [String]
    var subject: String
    var author: String?
    var date: Date?
    /// The text; empty while it waits in the spill (see ``spilled``).
    var body: String
    var format: BodyFormat = .plain
    var headers: MailHeaders?
    /// A stored post taken back to be threaded again with new mail, as it was stored (behind a
    /// reference: most items have none, and a post held inline would double an item's size).
    var storedPost: Stored?
    /// The FNV-1a hash of the post's text, to tell copies of a message apart without its text.
    var bodyHash: UInt64 = 0
    /// Where the post's text and header fields were put while the archive is threaded (the post
    /// then has neither until ``MailImporter/expand(_:)`` brings them back); nil when kept here.
    var spilled: MailSpill.Ref?
    /// Where the message came from (nil for a stored post taken back): the input, by its place in
    /// ``MailImporter/sources``, and the position in it.
    var origin: Origin?

    struct Origin {
        var source: Int32
        var position: MailImporter.Position
    }

    final class Stored: Sendable {
        let post: Post
        init(_ post: Post) { self.post = post }
    }

    /// Whether the post came from the store, to be threaded again with new mail.
    var stored: Bool { storedPost != nil }

    /// The post this message becomes (under the item's id, which numbering a duplicate may have changed).
    var post: Post {
        if var p = storedPost?.post {
            p.id = id
            return p
        }
        return Post(id: id, author: author, date: date, body: body, format: format, headers: headers)
    }
}

/// Threads mail by Message-ID, References and In-Reply-To, after Jamie Zawinski's algorithm.
///
/// Kept apart from the reply tree: this decides each message's parent; ``ReplyTree`` draws them.
/// - Links follow References; a message's own last reference wins over guesses.
/// - A link that would close a cycle is refused, so no input can loop.
/// - A parent missing from the archive stays as a placeholder post at a
///   thread's root when it holds two or more replies; inside a thread its
///   replies move up to the nearest ancestor that is there (as jwz does).
/// - Orphan replies ("Re: …" with no parent found) join the thread whose
///   root has the same subject, once prefixes such as "Re:", "Fwd:" and list
///   tags like "[ksummit]" are removed. Threads that are not replies never merge.
enum JWZThreader {
    /// A message id's place in the tree, with the message when the archive has it.
    ///
    /// Linked and pruned on one thread; read-only afterwards, when threads are built on every core.
    final class Container: @unchecked Sendable {
        let id: String
        var item: Int?
        var parent: Container?
        var children: [Container] = []
        init(id: String) { self.id = id }
    }

    /// Groups messages into threads, taking them in `order` (places in `items`; all of them, in
    /// order, when nil); each thread's id is its root's id.
    static func threads(_ items: [MailItem], order taken: [Int]? = nil, forum: String?) -> [ForumThread] {
        // Sized up front: growing a dictionary of a million ids rehashes every one of them several times.
        var table: [String: Container] = [:]
        table.reserveCapacity(items.count + items.count / 4)
        var order: [Container] = []
        order.reserveCapacity(items.count + items.count / 4)
        func container(_ id: String) -> Container {
            if let c = table[id] { return c }
            let c = Container(id: id)
            table[id] = c
            order.append(c)
            return c
        }
        for index in taken ?? Array(items.indices) {
            let item = items[index]
            let c = container(item.id)
            c.item = index
            var previous: Container?
            for ref in item.references where ref != item.id {
                let r = container(ref)
                if let p = previous, r.parent == nil, p !== r, !isAncestor(r, of: p) { link(r, to: p) }
                previous = r
            }
            if let p = previous, p !== c, !isAncestor(c, of: p) {
                link(c, to: p)
            } else if previous == nil, let old = c.parent {
                unlink(c, from: old)
            }
        }
        table = [:]  // linked: the containers hold each other now, and a million ids' table is 60 MB
        let roots = prune(order.filter { $0.parent == nil }, items: items)
        let grouped = groupBySubject(roots, items: items)
        return grouped.parallelMap { makeThread($0, items: items, forum: forum) }
    }

    private static func link(_ child: Container, to parent: Container) {
        if let old = child.parent { unlink(child, from: old) }
        child.parent = parent
        parent.children.append(child)
    }

    private static func unlink(_ child: Container, from parent: Container) {
        parent.children.removeAll { $0 === child }
        child.parent = nil
    }

    /// Whether `a` is `b` or one of its ancestors (the guard against cycles).
    private static func isAncestor(_ a: Container, of b: Container) -> Bool {
        // A container with no replies is nobody's ancestor: this keeps long chains linear.
        if a.children.isEmpty { return a === b }
        var node: Container? = b
        var steps = 0
        while let n = node {
            if n === a { return true }
            node = n.parent
            steps += 1
            if steps > 1_000_000 { return true }  // a cycle we did not make: refuse
        }
        return false
    }

    /// Drops empty containers: childless ones go, ones with a single reply give way to it.
    ///
    /// An empty container that a message names as its direct parent (its In-Reply-To, or the last of its
    /// References) stays, as a placeholder: the parent may be in another file or a later import, and
    /// the reply must still name it when the two meet in the store. Only the missing ancestors above
    /// it give way.
    private static func prune(_ roots: [Container], items: [MailItem]) -> [Container] {
        // Post-order without recursion.
        var stack: [(Container, Bool)] = roots.reversed().map { ($0, false) }
        var post: [Container] = []
        while let (c, expanded) = stack.popLast() {
            if expanded { post.append(c); continue }
            stack.append((c, true))
            for child in c.children.reversed() { stack.append((child, false)) }
        }
        var newRoots = roots
        for c in post where c.item == nil {
            if let p = c.parent {
                let named = c.children.contains { child in child.item.map { items[$0].references.last == c.id } ?? false }
                if named { continue }
                let at = p.children.firstIndex { $0 === c } ?? p.children.count
                p.children.remove(at: min(at, p.children.count - 1))
                for (k, child) in c.children.enumerated() {
                    child.parent = p
                    p.children.insert(child, at: min(at + k, p.children.count))
                }
                c.children = []
                c.parent = nil
            } else if c.children.count <= 1 {
                let at = newRoots.firstIndex { $0 === c }!
                newRoots.remove(at: at)
                for child in c.children {
                    child.parent = nil
                    newRoots.insert(child, at: at)
                }
                c.children = []
            }
        }
        return newRoots
    }

    /// Attaches orphan replies to the root that has their subject.
    private static func groupBySubject(_ roots: [Container], items: [MailItem]) -> [Container] {
        var bySubject: [String: Container] = [:]
        var kept: [Container] = []
        func subject(_ c: Container) -> (String, Bool) {
            let raw = c.item.map { items[$0].subject } ?? c.children.first.flatMap { $0.item.map { items[$0].subject } } ?? ""
            let (base, reply) = Subject.normalize(raw)
            return (base, reply || c.item == nil)
        }
        let subjects = roots.map(subject)
        // Of several roots with one subject, the earliest (then the smallest id) collects the orphans:
        // not the first in container order, which depends on how the archive was split into files.
        func earlier(_ a: Container, _ b: Container) -> Bool {
            let (da, db) = (a.item.flatMap { items[$0].date } ?? .distantFuture, b.item.flatMap { items[$0].date } ?? .distantFuture)
            return da != db ? da < db : a.id < b.id
        }
        for (root, (base, isReply)) in zip(roots, subjects) where !isReply && !base.isEmpty {
            if let other = bySubject[base], !earlier(root, other) { continue }
            bySubject[base] = root
        }
        for (root, (base, isReply)) in zip(roots, subjects) {
            if isReply, !base.isEmpty, let target = bySubject[base], target !== root {
                if root.item == nil {
                    for child in root.children { child.parent = target; target.children.append(child) }
                    root.children = []
                } else {
                    root.parent = target
                    target.children.append(root)
                }
                continue
            }
            kept.append(root)
        }
        return kept
    }

    /// The first message in a container's subtree, depth first.
    private static func firstItem(under root: Container) -> Int? {
        var stack = [root]
        while let c = stack.popLast() {
            if let i = c.item { return i }
            stack.append(contentsOf: c.children.reversed())
        }
        return nil
    }

    private static func makeThread(_ root: Container, items: [MailItem], forum: String?) -> ForumThread {
        var posts: [Post] = []
        var stack = [root]
        var placeholders: [Post] = []
        var itemOf: [String: Int] = [:]
        while let c = stack.popLast() {
            var post: Post
            if let i = c.item {
                itemOf[c.id] = i
                post = items[i].post
                post.id = c.id
            } else {
                post = Post(id: c.id, body: "", placeholder: true)
            }
            post.parent = c.parent?.id
            if c === root, let i = c.item {
                // A reply whose ancestors are all missing keeps its real parent, so that
                // when it is merged into the stored thread it lands in the right place.
                post.parent = items[i].references.last
            }
            if c.item == nil { placeholders.append(post) } else { posts.append(post) }
            stack.append(contentsOf: c.children.reversed())
        }
        // The root's kept reference must name a message outside the thread: one inside it (a References
        // loop whose link the threader refused) would make the stored parents a cycle.
        if let k = posts.firstIndex(where: { $0.id == root.id }), let parent = posts[k].parent, itemOf[parent] != nil {
            posts[k].parent = nil
        }
        // Source order is date order; placeholders come before the replies they hold.
        posts.sort { ($0.date ?? .distantFuture) < ($1.date ?? .distantFuture) }
        let title: String
        if let i = root.item {
            title = items[i].subject
        } else {
            // By the thread's own table: scanning every message here made threading a monthly archive,
            // whose threads often start with a missing message, cost threads × messages.
            let first = posts.first.flatMap { itemOf[$0.id] }.map { items[$0].subject } ?? ""
            title = Subject.normalize(first).base.isEmpty ? "(no subject)" : Subject.stripReplyPrefixes(first)
        }
        // The thread is named after the top of the References chain, which every later reply in the
        // thread also names first, so imports made at different times merge into one thread file.
        // A stand-in at the root is named the same way, after the chain its first reply names.
        let named = root.item ?? firstItem(under: root)
        let id = named.flatMap { items[$0].references.first } ?? root.id
        var thread = ForumThread(id: id, title: title.isEmpty ? "(no subject)" : title, forum: forum,
                                 posts: placeholders + posts)
        MailImporter.keepHeaders(&thread, items: items, index: itemOf)
        return thread
    }
}
