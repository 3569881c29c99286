import Testing
@testable import WeftModel

/// Posts from a compact spec: "id<parent" pairs, "id" for a root.
func posts(_ spec: String) -> [Post] {
    spec.split(separator: " ").map { item in
        let parts = item.split(separator: "<", omittingEmptySubsequences: false)
        return Post(id: String(parts[0]), author: "a", parent: parts.count > 1 ? String(parts[1]) : nil, body: String(parts[0]))
    }
}

/// The tree drawn as "depth:id" in row order, with markers.
func shape(_ tree: ReplyTree, _ posts: [Post]) -> String {
    tree.rows.map { row in
        var s = "\(row.depth):\(posts[row.post].id)"
        if let m = row.marker { s += "!" + m.rawValue }
        return s
    }.joined(separator: " ")
}

struct ReplyTreeTests {
    static let cases: [(String, String, String)] = [
        ("a plain thread nests replies in pre-order", "a b<a c<b d<a", "0:a 1:b 2:c 1:d"),
        ("siblings keep source order", "a b<a c<a d<a", "0:a 1:b 1:c 1:d"),
        ("a missing parent hangs under the root, marked", "a b<a c<zz", "0:a 1:b 1:c!parentMissing"),
        ("a two-post cycle is cut and hung under the root", "a b<c c<b", "0:a 1:b!cycleBroken 2:c"),
        ("a post that answers itself is cut", "a b<b", "0:a 1:b!cycleBroken"),
        ("a thread that is all cycle still shows every post", "a<b b<a", "0:a!cycleBroken 1:b"),
        ("a duplicate id is kept and marked", "a b<a b<a", "0:a 1:b 1:b!duplicateID"),
        ("several roots stay at top level", "a b c<b", "0:a 0:b 1:c"),
        ("no root and a missing parent shows at top level", "x<gone", "0:x!parentMissing"),
        ("an empty thread has no rows", "", ""),
    ]

    @Test("reply trees are built robustly", arguments: cases)
    func buildsTree(name: String, spec: String, expected: String) {
        let p = posts(spec)
        let tree = ReplyTree(posts: p)
        tree.checkInvariants()
        #expect(shape(tree, p) == expected, "\(name)")
    }

    @Test func descendantCountsCoverWholeSubtrees() {
        let p = posts("a b<a c<b d<c e<a f<e")
        let tree = ReplyTree(posts: p)
        tree.checkInvariants()
        #expect(tree.rows.map(\.descendantCount) == [5, 2, 1, 0, 1, 0])
        #expect(tree.rows.map(\.nextSiblingRow) == [nil, TreeRow(4), nil, nil, nil, nil])
    }

    @Test func aReplyChainHundredThousandDeepBuildsWithoutRecursion() {
        var p = [Post(id: "0", body: "")]
        for i in 1..<100_000 { p.append(Post(id: "\(i)", parent: "\(i - 1)", body: "")) }
        let tree = ReplyTree(posts: p)
        #expect(tree.rows.last?.depth == 99_999)
        #expect(tree.rows[0].descendantCount == 99_999)
        tree.checkInvariants()
    }

    @Test func hundredThousandSiblingsLinkAsSiblings() {
        var p = [Post(id: "root", body: "")]
        for i in 0..<100_000 { p.append(Post(id: "\(i)", parent: "root", body: "")) }
        let tree = ReplyTree(posts: p)
        tree.checkInvariants()
        #expect(tree.rows[0].descendantCount == 100_000)
        #expect(tree.previousSibling(of: TreeRow(3)) == TreeRow(2))
    }

    @Test func navigationFindsSiblingsAndAncestors() {
        let p = posts("a b<a c<b d<a e<d")
        let tree = ReplyTree(posts: p)
        #expect(tree.previousSibling(of: TreeRow(3)) == TreeRow(1))
        #expect(tree.previousSibling(of: TreeRow(1)) == nil)
        #expect(tree.ancestors(of: TreeRow(4)) == [TreeRow(3), TreeRow(0)])
        #expect(tree.firstChild(of: TreeRow(1)) == TreeRow(2))
        #expect(tree.firstChild(of: TreeRow(2)) == nil)
    }

    @Test func filteringKeepsAncestorsAsContextWhenAsked() {
        let p = posts("a b<a c<b d<a")
        let tree = ReplyTree(posts: p)
        let onlyC = tree.rows(matching: { p[$0].id == "c" }, keepAncestors: true)
        #expect(onlyC.map(\.row.value) == [0, 1, 2])
        #expect(onlyC.map(\.matched) == [false, false, true])
        #expect(tree.rows(matching: { p[$0].id == "c" }, keepAncestors: false).map(\.row.value) == [2])
    }
}
