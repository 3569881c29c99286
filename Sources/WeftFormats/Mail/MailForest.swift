/// The containers of jwz threading, one per Message-ID number: who is whose parent, in arrays.
///
/// A container is the place of an id in the tree, with the message when the archive has it. Kept
/// as five arrays of numbers (20 bytes a container) rather than an object each (about 100 bytes with
/// its child array), because an archive of a million messages has more than a million of them.
/// Children are a linked list, in the order they were linked: that order is the reply tree's.
struct MailForest: Sendable {
    private(set) var parent: [Int32]
    private var firstChild: [Int32]
    private var lastChild: [Int32]
    private var nextSibling: [Int32]
    /// The message in each container (a place in the items), or -1 for an id only named.
    var item: [Int32]

    /// A forest of `count` containers, none linked and none holding a message.
    init(count: Int) {
        parent = [Int32](repeating: -1, count: count)
        (firstChild, lastChild, nextSibling, item) = (parent, parent, parent, parent)
    }

    /// Whether container `c` has replies.
    func hasChildren(_ c: Int32) -> Bool { firstChild[Int(c)] >= 0 }

    /// The replies of `c`, in order.
    func children(_ c: Int32) -> [Int32] {
        var out: [Int32] = []
        var k = firstChild[Int(c)]
        while k >= 0 {
            out.append(k)
            k = nextSibling[Int(k)]
        }
        return out
    }

    /// The first reply of `c`, if any.
    func firstChild(of c: Int32) -> Int32? { firstChild[Int(c)] >= 0 ? firstChild[Int(c)] : nil }

    /// Makes `child` the last reply of `p`, taking it from its parent first.
    mutating func link(_ child: Int32, to p: Int32) {
        if parent[Int(child)] >= 0 { unlink(child) }
        append(child, to: p)
    }

    /// Takes `child` from its parent's replies.
    mutating func unlink(_ child: Int32) {
        let p = parent[Int(child)]
        guard p >= 0 else { return }
        replace(child, in: p, with: [])
    }

    /// Puts `replacement` where `child` is among `p`'s replies (each made `p`'s), and leaves `child` on its own.
    mutating func replace(_ child: Int32, in p: Int32, with replacement: [Int32]) {
        var before: Int32 = -1
        var k = firstChild[Int(p)]
        while k >= 0 && k != child {
            before = k
            k = nextSibling[Int(k)]
        }
        guard k == child else { return }
        let after = nextSibling[Int(child)]
        var last = before
        for r in replacement {
            parent[Int(r)] = p
            if last >= 0 { nextSibling[Int(last)] = r } else { firstChild[Int(p)] = r }
            last = r
        }
        if last >= 0 { nextSibling[Int(last)] = after } else { firstChild[Int(p)] = after }
        if after < 0 { lastChild[Int(p)] = last }
        parent[Int(child)] = -1
        nextSibling[Int(child)] = -1
    }

    /// Empties `c`'s replies without touching them (their parent is set by the caller).
    mutating func dropChildren(_ c: Int32) {
        firstChild[Int(c)] = -1
        lastChild[Int(c)] = -1
    }

    /// Makes `c` a root (its old parent's list is left to the caller).
    mutating func detach(_ c: Int32) {
        parent[Int(c)] = -1
        nextSibling[Int(c)] = -1
    }

    /// Appends `child` (with no parent) to `p`'s replies.
    mutating func append(_ child: Int32, to p: Int32) {
        parent[Int(child)] = p
        nextSibling[Int(child)] = -1
        if lastChild[Int(p)] >= 0 { nextSibling[Int(lastChild[Int(p)])] = child } else { firstChild[Int(p)] = child }
        lastChild[Int(p)] = child
    }

    /// Whether `a` is `b` or one of its ancestors (the guard against cycles).
    func isAncestor(_ a: Int32, of b: Int32) -> Bool {
        // A container with no replies is nobody's ancestor: this keeps long chains linear.
        if !hasChildren(a) { return a == b }
        var node = b
        var steps = 0
        while node >= 0 {
            if node == a { return true }
            node = parent[Int(node)]
            steps += 1
            if steps > 1_000_000 { return true }  // a cycle we did not make: refuse
        }
        return false
    }

    /// The first message in a container's subtree, depth first.
    func firstItem(under root: Int32) -> Int32? {
        var stack = [root]
        while let c = stack.popLast() {
            if item[Int(c)] >= 0 { return item[Int(c)] }
            stack.append(contentsOf: children(c).reversed())
        }
        return nil
    }

    /// Checks that parents and children agree (for tests).
    func checkInvariants() {
        for c in parent.indices {
            let kids = children(Int32(c))
            precondition(kids.allSatisfy { parent[Int($0)] == Int32(c) }, "a child of \(c) names another parent")
            precondition(lastChild[c] == (kids.last ?? -1), "the last child of \(c) is wrong")
            if parent[c] >= 0 { precondition(children(parent[c]).contains(Int32(c)), "\(c) is missing from its parent's children") }
        }
    }
}
