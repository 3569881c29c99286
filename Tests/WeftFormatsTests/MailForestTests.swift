import Foundation
import Testing
@testable import WeftFormats

/// The containers' links stay consistent through every change threading makes to them.
struct MailForestTests {
    /// Each case: the changes made, and the children of 0 they leave.
    static let cases: [(name: String, change: @Sendable (inout MailForest) -> Void, children: [Int32])] = [
        ("links append in order", { f in f.link(1, to: 0); f.link(2, to: 0); f.link(3, to: 0) }, [1, 2, 3]),
        ("a relink moves a child", { f in f.link(1, to: 0); f.link(2, to: 0); f.link(1, to: 4); f.link(3, to: 0) }, [2, 3]),
        ("unlinking the middle child", { f in f.link(1, to: 0); f.link(2, to: 0); f.link(3, to: 0); f.unlink(2) }, [1, 3]),
        ("unlinking the last child, then appending", { f in f.link(1, to: 0); f.link(2, to: 0); f.unlink(2); f.link(3, to: 0) }, [1, 3]),
        ("a child replaced by its children, in place", { f in
            f.link(1, to: 0); f.link(2, to: 0); f.link(3, to: 0); f.link(4, to: 2); f.link(5, to: 2)
            let kids = f.children(2)
            f.dropChildren(2)
            f.replace(2, in: 0, with: kids)
        }, [1, 4, 5, 3]),
        ("the last child replaced by nothing", { f in
            f.link(1, to: 0); f.link(2, to: 0)
            f.replace(2, in: 0, with: [])
            f.link(3, to: 0)
        }, [1, 3]),
    ]

    @Test(arguments: cases.indices)
    func linksStayConsistent(_ k: Int) {
        var forest = MailForest(count: 6)
        Self.cases[k].change(&forest)
        #expect(forest.children(0) == Self.cases[k].children, "\(Self.cases[k].name)")
        forest.checkInvariants()
    }

    @Test func aContainerIsItsDescendantsAncestorAndNotTheirs() {
        var forest = MailForest(count: 4)
        forest.link(1, to: 0)
        forest.link(2, to: 1)
        #expect(forest.isAncestor(0, of: 2))
        #expect(forest.isAncestor(1, of: 2))
        #expect(!forest.isAncestor(2, of: 0), "a leaf is only its own ancestor")
        #expect(!forest.isAncestor(1, of: 3))
        #expect(forest.firstItem(under: 0) == nil)
        forest.item[2] = 7
        #expect(forest.firstItem(under: 0) == 7)
    }
}
