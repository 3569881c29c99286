extension ReplyTree {
    /// Checks the structural promises of the flattened tree; traps when one is broken.
    ///
    /// Tests call this on every tree they build.
    public func checkInvariants() {
        precondition(rowOfPost.count == rows.count, "every post has exactly one row")
        var seen = [Bool](repeating: false, count: rows.count)
        for (r, row) in rows.enumerated() {
            precondition(!seen[row.post], "post \(row.post) drawn twice")
            seen[row.post] = true
            precondition(rowOfPost[row.post] == r, "rowOfPost disagrees at row \(r)")
            if let p = row.parentRow {
                precondition(p < r, "parent row \(p) comes after child row \(r)")
                precondition(rows[p].depth + 1 == row.depth, "depth at row \(r) is not parent's + 1")
            } else {
                precondition(row.depth == 0, "a top-level row has depth 0")
            }
            let end = r + row.descendantCount
            precondition(end < rows.count, "subtree of row \(r) runs past the end")
            if row.descendantCount > 0 {
                precondition(rows[r + 1].parentRow == r, "row after \(r) is its first child")
            }
            if end + 1 < rows.count {
                precondition(rows[end + 1].depth <= row.depth, "subtree of row \(r) ends early")
            }
            if let next = row.nextSiblingRow {
                precondition(next == end + 1, "next sibling of row \(r) follows its subtree")
                precondition(rows[next].parentRow == row.parentRow, "siblings share a parent")
            }
        }
    }
}
