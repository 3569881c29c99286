extension ReplyTree {
    /// The row at a place in the tree.
    public subscript(_ row: TreeRow) -> Row { rows[row.value] }

    /// Every row, top to bottom.
    public var allRows: [TreeRow] { rows.indices.map(TreeRow.init) }

    /// The row that shows a post.
    public func row(ofPost post: PostIndex) -> TreeRow { TreeRow(rowOfPost[post.value]) }

    /// The rows of a subtree below `row` (its descendants, which follow it in pre-order).
    public func descendants(of row: TreeRow) -> Range<TreeRow> {
        (row + 1)..<(row + 1 + self[row].descendantCount)
    }

    /// The row of the first child of `row`, if it has any.
    public func firstChild(of row: TreeRow) -> TreeRow? {
        self[row].descendantCount > 0 ? row + 1 : nil
    }

    /// The row of the previous sibling of `row`, if any.
    public func previousSibling(of row: TreeRow) -> TreeRow? {
        let start = self[row].parentRow.map { $0 + 1 } ?? TreeRow(0)
        var r: TreeRow? = start == row ? nil : start
        while let current = r {
            if self[current].nextSiblingRow == row { return current }
            r = self[current].nextSiblingRow
        }
        return nil
    }

    /// The rows of the ancestors of `row`, nearest first.
    public func ancestors(of row: TreeRow) -> [TreeRow] {
        var result: [TreeRow] = []
        var r = self[row].parentRow
        while let current = r {
            result.append(current)
            r = self[current].parentRow
        }
        return result
    }

    /// The rows that stay in view under a post filter.
    ///
    /// - Parameters:
    ///   - matches: whether the post at a given place passes the filter.
    ///   - keepAncestors: when true, ancestors of matching posts are kept as context.
    /// - Returns: the visible rows, in tree order, and which of them matched.
    public func rows(matching matches: (PostIndex) -> Bool, keepAncestors: Bool) -> [(row: TreeRow, matched: Bool)] {
        var keep = [UInt8](repeating: 0, count: rows.count)  // 0 hidden, 1 context, 2 match
        for (r, row) in rows.enumerated() where matches(row.post) {
            keep[r] = 2
            guard keepAncestors else { continue }
            var p = row.parentRow
            while let current = p, keep[current.value] == 0 {
                keep[current.value] = 1
                p = self[current].parentRow
            }
        }
        return keep.enumerated().compactMap { $0.element == 0 ? nil : (TreeRow($0.offset), $0.element == 2) }
    }
}
