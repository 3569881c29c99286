/// The reply structure of one thread, flattened for drawing.
///
/// The tree is built from each post's `parent` id and is robust to what real
/// archives contain: parents missing from the thread, parent links that form
/// cycles, and duplicate ids. Building is iterative and linear in the number
/// of posts, so a reply chain 100,000 deep costs no stack.
///
/// The tree is kept apart from any threading algorithm (such as jwz for mail):
/// importers decide each post's parent, and this type only arranges them.
public struct ReplyTree: Sendable, Equatable {
    /// Why a post sits where it does when its own parent link could not be followed.
    public enum Marker: String, Sendable, Equatable {
        /// The post names a parent that is not in this thread; it is shown under the root.
        case parentMissing
        /// The post's parent links formed a cycle, broken here; shown under the root.
        case cycleBroken
        /// Another post earlier in the thread has the same id.
        case duplicateID
    }

    /// One drawn line of the tree.
    public struct Row: Sendable, Equatable {
        /// The post's place in the thread's `posts`.
        public var post: PostIndex
        /// Nesting depth: 0 for a top-level post.
        public var depth: Int
        /// How many rows below this one belong to its subtree.
        public var descendantCount: Int
        /// The row of the parent, or `nil` at top level.
        public var parentRow: TreeRow?
        /// The row of the next sibling, or `nil` for a last child.
        public var nextSiblingRow: TreeRow?
        /// Set when the post's own parent link was not followed.
        public var marker: Marker?
    }

    /// The rows in pre-order: each post is followed by its whole subtree.
    ///
    /// This order is load-bearing. The UI draws rows top to bottom, collapses
    /// a subtree by skipping `descendantCount` rows, and finds ancestors and
    /// siblings by row index; none of that works in any other order.
    public let rows: [Row]
    /// For each post's place, the row that shows it.
    let rowOfPost: [Int]

    /// Arranges `posts` (in source order) into a tree.
    public init(posts: [Post]) {
        let count = posts.count
        var firstIndex: [String: Int] = [:]
        firstIndex.reserveCapacity(count)
        var markers = [Marker?](repeating: nil, count: count)
        for (i, post) in posts.enumerated() {
            if firstIndex[post.id] == nil { firstIndex[post.id] = i } else { markers[i] = .duplicateID }
        }
        let primaryRoot = posts.indices.first { posts[$0].parent == nil }

        // Resolve each post's parent index; a missing parent goes under the primary root.
        var parent = [Int?](repeating: nil, count: count)
        for (i, post) in posts.enumerated() {
            guard let pid = post.parent else { continue }
            if let p = firstIndex[pid], p != i {
                parent[i] = p
            } else if i != primaryRoot {
                parent[i] = primaryRoot
                markers[i] = firstIndex[pid] == i ? .cycleBroken : .parentMissing
            }
        }
        ReplyTree.breakCycles(&parent, markers: &markers, primaryRoot: primaryRoot)

        var children = [[Int]](repeating: [], count: count)
        var roots: [Int] = []
        for i in 0..<count {
            if let p = parent[i] { children[p].append(i) } else { roots.append(i) }
        }
        (rows, rowOfPost) = ReplyTree.flatten(roots: roots, children: children, markers: markers)
    }

    /// Cuts every parent cycle, so that each post reaches a root.
    ///
    /// Walks up from each post, colouring the path; meeting a post on the
    /// current path means a cycle, which is cut at that post.
    private static func breakCycles(_ parent: inout [Int?], markers: inout [Marker?], primaryRoot: Int?) {
        enum State: UInt8 { case unknown, onPath, done }
        var state = [State](repeating: .unknown, count: parent.count)
        var path: [Int] = []
        for start in parent.indices where state[start] == .unknown {
            var node = start
            while true {
                if state[node] == .done { break }
                if state[node] == .onPath {
                    // `node` closes a cycle: hang it under the root instead.
                    let newParent = (primaryRoot == node) ? nil : primaryRoot
                    parent[node] = newParent
                    markers[node] = .cycleBroken
                    if let r = newParent, state[r] != .done {
                        // The root is parentless, so it is safely done.
                        state[r] = .done
                    }
                    break
                }
                state[node] = .onPath
                path.append(node)
                guard let p = parent[node] else { break }
                node = p
            }
            for n in path { state[n] = .done }
            path.removeAll(keepingCapacity: true)
        }
    }

    /// Lays the tree out in pre-order without recursion.
    private static func flatten(roots: [Int], children: [[Int]], markers: [Marker?]) -> ([Row], [Int]) {
        var rows: [Row] = []
        rows.reserveCapacity(children.count)
        var rowOfPost = [Int](repeating: -1, count: children.count)
        // Stack of (post, depth, parentRow), pushed in reverse so the first child comes out first.
        var stack: [(Int, Int, Int?)] = roots.reversed().map { ($0, 0, nil) }
        var lastChildRow: [Int: Int] = [:]  // parentRow (or -1 for top level) -> its latest child row
        while let (post, depth, parentRow) = stack.popLast() {
            let row = rows.count
            rowOfPost[post] = row
            if let previous = lastChildRow[parentRow ?? -1] { rows[previous].nextSiblingRow = TreeRow(row) }
            lastChildRow[parentRow ?? -1] = row
            rows.append(Row(post: PostIndex(post), depth: depth, descendantCount: 0, parentRow: parentRow.map(TreeRow.init),
                            nextSiblingRow: nil, marker: markers[post]))
            for child in children[post].reversed() { stack.append((child, depth + 1, row)) }
        }
        // Children come after their parent, so one backward pass sums each subtree.
        for row in rows.indices.reversed() {
            if let p = rows[row].parentRow { rows[p.value].descendantCount += 1 + rows[row].descendantCount }
        }
        return (rows, rowOfPost)
    }
}
