/// What a ``TypedIndex`` counts, named in its description.
public protocol IndexKind {
    static var name: String { get }
}

/// A place counted in one order, typed by what it counts.
///
/// Posts, tree rows and the rows a browser shows are counted in different orders; each has a
/// type of its own, so that using one where another is meant does not compile (`weft show` once
/// named the wrong parent by reading a tree row as a post's place).
public struct TypedIndex<Kind: IndexKind>: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    /// The place, from 0.
    public var value: Int

    public init(_ value: Int) { self.value = value }

    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
    public func distance(to other: Self) -> Int { other.value - value }
    public func advanced(by n: Int) -> Self { Self(value + n) }
    public var description: String { "\(Kind.name) \(value)" }

    /// The place `n` further on.
    public static func + (index: Self, n: Int) -> Self { index.advanced(by: n) }
}

/// A post's place in its thread's `posts`, which are in source order.
public typealias PostIndex = TypedIndex<PostPlace>
/// What a ``PostIndex`` counts.
public enum PostPlace: IndexKind { public static let name = "post" }

/// A row of a flattened reply tree, in pre-order (see ``ReplyTree/rows``).
public typealias TreeRow = TypedIndex<TreeRowPlace>
/// What a ``TreeRow`` counts.
public enum TreeRowPlace: IndexKind { public static let name = "row" }

extension Array where Element == Post {
    /// The post at a place in source order.
    public subscript(_ index: PostIndex) -> Post {
        get { self[index.value] }
        set { self[index.value] = newValue }
    }

    /// Every post's place, in source order.
    public var postIndices: [PostIndex] { indices.map(PostIndex.init) }
}
