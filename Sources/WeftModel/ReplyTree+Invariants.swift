extension ReplyTree {
    /// Checks the structural promises of the flattened tree; traps when one is broken.
    ///
    /// Tests call this on every tree they build.
    public func checkInvariants() {
        precondition(rowOfPost.count == rows.count, "every post has exactly one row")
        var seen = [Bool](repeating: false, count: rows.count)
        for r in allRows {
            let row = self[r]
            precondition(!seen[row.post.value], "\(row.post) drawn twice")
            seen[row.post.value] = true
            precondition(self.row(ofPost: row.post) == r, "row(ofPost:) disagrees at \(r)")
            if let p = row.parentRow {
                precondition(p < r, "parent \(p) comes after child \(r)")
                precondition(self[p].depth + 1 == row.depth, "depth at \(r) is not parent's + 1")
            } else {
                precondition(row.depth == 0, "a top-level row has depth 0")
            }
            let end = r + row.descendantCount
            precondition(end.value < rows.count, "subtree of \(r) runs past the end")
            if row.descendantCount > 0 {
                precondition(self[r + 1].parentRow == r, "the row after \(r) is its first child")
            }
            if end.value + 1 < rows.count {
                precondition(self[end + 1].depth <= row.depth, "subtree of \(r) ends early")
            }
            if let next = row.nextSiblingRow {
                precondition(next == end + 1, "next sibling of \(r) follows its subtree")
                precondition(self[next].parentRow == row.parentRow, "siblings share a parent")
            }
        }
    }
}
