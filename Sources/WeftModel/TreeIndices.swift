/// A post's place in its thread's `posts`, which are in source order.
///
/// Posts, tree rows and the rows a browser shows are counted in different orders; each has a
/// type of its own, so that using one where another is meant does not compile (`weft show` once
/// named the wrong parent by reading a tree row as a post's place).
public struct PostIndex: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    /// The place in `posts`, from 0.
    public var value: Int

    public init(_ value: Int) { self.value = value }

    public static func < (a: PostIndex, b: PostIndex) -> Bool { a.value < b.value }
    public func distance(to other: PostIndex) -> Int { other.value - value }
    public func advanced(by n: Int) -> PostIndex { PostIndex(value + n) }
    public var description: String { "post \(value)" }
}

/// A row of a flattened reply tree, in pre-order (see ``ReplyTree/rows``).
public struct TreeRow: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    /// The row, from 0 at the top.
    public var value: Int

    public init(_ value: Int) { self.value = value }

    public static func < (a: TreeRow, b: TreeRow) -> Bool { a.value < b.value }
    public func distance(to other: TreeRow) -> Int { other.value - value }
    public func advanced(by n: Int) -> TreeRow { TreeRow(value + n) }
    public var description: String { "row \(value)" }

    /// The row `n` rows below.
    public static func + (row: TreeRow, n: Int) -> TreeRow { row.advanced(by: n) }
}

extension Array where Element == Post {
    /// The post at a place in source order.
    public subscript(_ index: PostIndex) -> Post {
        get { self[index.value] }
        set { self[index.value] = newValue }
    }

    /// Every post's place, in source order.
    public var postIndices: [PostIndex] { indices.map(PostIndex.init) }
}
