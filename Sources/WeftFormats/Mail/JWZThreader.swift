import Foundation
import WeftModel

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
///
/// It works on numbers (see ``MailItem``, ``MailForest``): what it decides is which containers are
/// roots and who replies to whom; ``MailThreads`` makes the posts, a few threads at a time.
enum JWZThreader {
    /// The mail as threading sees it: the items, their references' pool and the ids' strings.
    struct Input {
        var items: [MailItem]
        var references: [Int32]
        var ids: InternedStrings
    }

    /// Links the messages, taken in `order` (places in the items), and gives the forest and its
    /// threads: each a list of roots that share a thread id (almost always one).
    static func thread(_ mail: Input, order: [Int]) -> (forest: MailForest, threads: [[Int32]]) {
        var forest = MailForest(count: mail.ids.count)
        // Containers in the order they were first met: the roots come out in this order.
        var met: [Int32] = []
        met.reserveCapacity(mail.ids.count)
        var seen = [Bool](repeating: false, count: mail.ids.count)
        func meet(_ c: Int32) {
            if !seen[Int(c)] { seen[Int(c)] = true; met.append(c) }
        }
        for index in order {
            let item = mail.items[index]
            let c = item.id
            meet(c)
            forest.item[Int(c)] = Int32(index)
            var previous: Int32 = -1
            for k in item.references where mail.references[k] != c {
                let r = mail.references[k]
                meet(r)
                if previous >= 0, forest.parent[Int(r)] < 0, previous != r, !forest.isAncestor(r, of: previous) {
                    forest.link(r, to: previous)
                }
                previous = r
            }
            if previous >= 0, previous != c, !forest.isAncestor(c, of: previous) {
                forest.link(c, to: previous)
            } else if previous < 0, forest.parent[Int(c)] >= 0 {
                forest.unlink(c)
            }
        }
        seen = []
        let roots = prune(met.filter { forest.parent[Int($0)] < 0 }, forest: &forest, mail: mail)
        met = []
        let kept = groupBySubject(roots, forest: &forest, mail: mail)
        // Roots that would be named alike make one thread (the id is the top of the References chain).
        var place: [Int32: Int] = [:]
        var threads: [[Int32]] = []
        for root in kept {
            let id = threadID(root, forest: forest, mail: mail)
            if let at = place[id] { threads[at].append(root) } else { place[id] = threads.count; threads.append([root]) }
        }
        return (forest, threads)
    }

    /// The number of the id a thread is named after: the top of the References chain of its root (or,
    /// for a stand-in root, of its first reply), which every later reply in the thread also names
    /// first, so imports made at different times merge into one thread file.
    static func threadID(_ root: Int32, forest: MailForest, mail: Input) -> Int32 {
        let named = forest.item[Int(root)] >= 0 ? forest.item[Int(root)] : forest.firstItem(under: root)
        guard let named else { return root }
        let item = mail.items[Int(named)]
        return item.referenceCount > 0 ? mail.references[Int(item.referenceStart)] : root
    }

    /// Drops empty containers: childless ones go, ones with a single reply give way to it.
    ///
    /// An empty container that a message names as its direct parent (its In-Reply-To, or the last of its
    /// References) stays, as a placeholder: the parent may be in another file or a later import, and
    /// the reply must still name it when the two meet in the store. Only the missing ancestors above
    /// it give way.
    private static func prune(_ roots: [Int32], forest: inout MailForest, mail: Input) -> [Int32] {
        // Post-order without recursion.
        var stack: [(Int32, Bool)] = roots.reversed().map { ($0, false) }
        var post: [Int32] = []
        while let (c, expanded) = stack.popLast() {
            if expanded { post.append(c); continue }
            stack.append((c, true))
            for child in forest.children(c).reversed() { stack.append((child, false)) }
        }
        // A root that gives way is replaced by its one reply, or by nothing.
        var replaced: [Int32: Int32] = [:]
        for c in post where forest.item[Int(c)] < 0 {
            let children = forest.children(c)
            let p = forest.parent[Int(c)]
            if p >= 0 {
                let named = children.contains { child in
                    let i = forest.item[Int(child)]
                    guard i >= 0 else { return false }
                    let item = mail.items[Int(i)]
                    return item.referenceCount > 0 && mail.references[Int(item.referenceStart + item.referenceCount - 1)] == c
                }
                if named { continue }
                forest.dropChildren(c)
                forest.replace(c, in: p, with: children)
            } else if children.count <= 1 {
                replaced[c] = children.first ?? -1
                for child in children { forest.detach(child) }
                forest.dropChildren(c)
            }
        }
        guard !replaced.isEmpty else { return roots }
        return roots.compactMap { root in
            guard let by = replaced[root] else { return root }
            return by >= 0 ? by : nil
        }
    }

    /// Attaches orphan replies to the root that has their subject.
    private static func groupBySubject(_ roots: [Int32], forest: inout MailForest, mail: Input) -> [Int32] {
        func subject(_ c: Int32) -> (base: Int32, reply: Bool) {
            let i = forest.item[Int(c)]
            if i >= 0 { return (mail.items[Int(i)].subjectBase, mail.items[Int(i)].isReply) }
            // A stand-in takes its first reply's subject, as a reply.
            guard let first = forest.firstChild(of: c), forest.item[Int(first)] >= 0 else { return (-1, true) }
            return (mail.items[Int(forest.item[Int(first)])].subjectBase, true)
        }
        let subjects = roots.map(subject)
        // Of several roots with one subject, the earliest (then the smallest id) collects the orphans:
        // not the first in container order, which depends on how the archive was split into files.
        func date(_ c: Int32) -> Double {
            let i = forest.item[Int(c)]
            return i >= 0 ? mail.items[Int(i)].sortDate : MailItem.undated
        }
        func earlier(_ a: Int32, _ b: Int32) -> Bool {
            let (da, db) = (date(a), date(b))
            return da != db ? da < db : mail.ids.less(a, b)
        }
        var bySubject: [Int32: Int32] = [:]
        for (root, (base, isReply)) in zip(roots, subjects) where !isReply && base >= 0 {
            if let other = bySubject[base], !earlier(root, other) { continue }
            bySubject[base] = root
        }
        var kept: [Int32] = []
        for (root, (base, isReply)) in zip(roots, subjects) {
            if isReply, base >= 0, let target = bySubject[base], target != root {
                if forest.item[Int(root)] < 0 {
                    let children = forest.children(root)
                    forest.dropChildren(root)
                    for child in children { forest.append(child, to: target) }
                } else {
                    forest.append(root, to: target)
                }
                continue
            }
            kept.append(root)
        }
        return kept
    }
}
