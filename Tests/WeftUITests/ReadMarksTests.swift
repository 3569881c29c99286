import Foundation
import Testing
import WeftModel
import WeftSample
import WeftTestSupport
@testable import WeftUI

/// Read marks are kept in one place: what is saved, what this session changed, and what the counts owe.
struct ReadMarksTests {
    /// A source with posts a1 and a2 of thread "a" saved as read.
    func source() -> MemorySource {
        let s = MemorySource([])
        s.read["a"] = ["a1", "a2"]
        return s
    }

    /// Marks in order, then what the thread's read set, its pending marks and its unread delta are.
    @Test(arguments: [
        ([("a3", true)], ["a1", "a2", "a3"], 1, -1),
        ([("a1", false)], ["a2"], 1, 1),
        // Put back to what is saved: nothing left to save, and the counts owe nothing.
        ([("a3", true), ("a3", false)], ["a1", "a2"], 0, 0),
        ([("a1", false), ("a1", true)], ["a1", "a2"], 0, 0),
        // Marking what is already so changes nothing.
        ([("a1", true)], ["a1", "a2"], 0, 0),
        ([("a3", true), ("a4", true), ("a1", false)], ["a2", "a3", "a4"], 3, -1),
    ] as [([(String, Bool)], Set<String>, Int, Int)])
    func marksFollowTheLastChangeAndOweOnlyWhatDiffersFromTheSavedState(
        steps: [(String, Bool)], read: Set<String>, pending: Int, delta: Int
    ) {
        let marks = ReadMarks(source: source())
        for (post, isRead) in steps { marks.set(thread: "a", post: post, read: isRead) }
        marks.checkInvariants()
        #expect(marks.readPosts(thread: "a") == read)
        #expect(marks.pending["a"]?.count ?? 0 == pending)
        #expect(marks.unreadDelta(thread: "a") == delta)
    }

    @Test func savingWritesEachThreadsChangesOnceAndLeavesNothingOwed() {
        let s = source()
        let marks = ReadMarks(source: s)
        marks.set(thread: "a", post: "a1", read: false)
        marks.set(thread: "b", post: "b1", read: true)
        #expect(marks.save() == nil)
        marks.checkInvariants()
        #expect(marks.isSaved && marks.unreadDelta(thread: "a") == 0)
        #expect(s.read["a"] == ["a2"] && s.read["b"] == ["b1"])
        // What was saved is read back from the source, not from a stale copy.
        s.read["b"] = []
        #expect(marks.readPosts(thread: "b").isEmpty)
    }

    @Test func theOpenThreadsMarksStayInMemoryAfterSaving() {
        let s = source()
        let marks = ReadMarks(source: s)
        marks.pinned = "a"
        marks.set(thread: "a", post: "a3", read: true)
        marks.save()
        s.read["a"] = []  // what another process might write; the open thread keeps what this one knows
        #expect(marks.readPosts(thread: "a") == ["a1", "a2", "a3"])
    }

    @Test func aFailedSaveIsSaidOnceAndKeepsTheMarksForTheNextTry() {
        let s = ReadOnlySource([])
        let marks = ReadMarks(source: s)
        marks.set(thread: "a", post: "a1", read: true)
        #expect(marks.save()?.hasPrefix("read state cannot be saved") == true)
        #expect(marks.save() == nil)
        #expect(s.attempts == 2 && !marks.isSaved && marks.unreadDelta(thread: "a") == -1)
        marks.checkInvariants()
    }

    @Test func theListAndTheOpenThreadSeeAMarkAtOnce() throws {
        let app = makeApp(try DemoForum.threads(), width: 120, height: 40)
        press(app, "Enter")
        let o = try #require(app.open)
        let s = try #require(app.selectedSummary)
        let before = (list: s.unreadCount, tree: o.unreadCount)
        press(app, "r")  // the first unread post, marked read by hand
        let after = try #require(app.threadList.cachedSummary(at: app.threadList.selection))
        #expect(after.unreadCount == before.list - 1 && o.unreadCount == before.tree - 1)
        press(app, "r")
        #expect(app.threadList.cachedSummary(at: app.threadList.selection)?.unreadCount == before.list)
        #expect(o.unreadCount == before.tree)
        app.marks.checkInvariants()
    }
}
