extension ReplyTree {
    /// The row of the first child of `row`, if it has any.
    public func firstChild(of row: Int) -> Int? {
        rows[row].descendantCount > 0 ? row + 1 : nil
    }

    /// The row of the previous sibling of `row`, if any.
    public func previousSibling(of row: Int) -> Int? {
        let start = rows[row].parentRow.map { $0 + 1 } ?? 0
        var r: Int? = start == row ? nil : start
        while let current = r {
            if rows[current].nextSiblingRow == row { return current }
            r = rows[current].nextSiblingRow
        }
        return nil
    }

    /// The rows of the ancestors of `row`, nearest first.
    public func ancestors(of row: Int) -> [Int] {
        var result: [Int] = []
        var r = rows[row].parentRow
        while let current = r {
            result.append(current)
            r = rows[current].parentRow
        }
        return result
    }

    /// The rows that stay in view under a post filter.
    ///
    /// - Parameters:
    ///   - matches: whether the post at a given index passes the filter.
    ///   - keepAncestors: when true, ancestors of matching posts are kept as context.
    /// - Returns: the visible rows, in tree order, and which of them matched.
    public func rows(matching matches: (Int) -> Bool, keepAncestors: Bool) -> [(row: Int, matched: Bool)] {
        var keep = [UInt8](repeating: 0, count: rows.count)  // 0 hidden, 1 context, 2 match
        for (r, row) in rows.enumerated() where matches(row.post) {
            keep[r] = 2
            guard keepAncestors else { continue }
            var p = row.parentRow
            while let current = p, keep[current] == 0 {
                keep[current] = 1
                p = rows[current].parentRow
            }
        }
        return keep.enumerated().compactMap { $0.element == 0 ? nil : ($0.offset, $0.element == 2) }
    }
}
