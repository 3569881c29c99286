import Foundation
import Testing
import WeftTestSupport
@testable import WeftFormats
@testable import WeftModel
import WeftSample

/// A thread's shape independent of ids: each real post's author and body, and its parent's.
func shape(_ threads: [ForumThread]) -> [String] {
    threads.flatMap { thread -> [String] in
        let byID = Dictionary(thread.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let tree = ReplyTree(posts: thread.posts)
        return thread.posts.indices.filter { !thread.posts[$0].placeholder }.map { i in
            let post = thread.posts[i]
            var parentKey = "root"
            if let p = tree[tree.row(ofPost: PostIndex(i))].parentRow {
                let parent = thread.posts[tree[p].post]
                parentKey = parent.placeholder ? "placeholder" : "\(parent.displayAuthor)|\(StableHash.hex(parent.body))"
            } else if let p = post.parent, byID[p] == nil {
                parentKey = "missing"
            }
            return "\(post.displayAuthor)|\(StableHash.hex(post.body)) <- \(parentKey)"
        }
    }.sorted()
}

struct RoundTripTests {
    static let demo = try! DemoForum.threads()

    @Test func jsonExportThenImportGivesTheSameThreads() throws {
        let data = try Exporter.export(Self.demo, as: .json)
        let back = try Importer.read(data, source: "export.json").threads
        #expect(back == Self.demo)
    }

    @Test func mboxExportThenImportGivesTheSameTreeAndBodies() throws {
        let data = try Exporter.export(Self.demo, as: .mbox)
        let back = try Importer.read(data, source: "export.mbox")
        #expect(!back.issues.contains { $0.skipped })
        #expect(shape(back.threads) == shape(Self.demo))
        #expect(back.threads.map(\.title).sorted() == Self.demo.map(\.title).sorted())
        let dates = Set(Self.demo.flatMap(\.posts).compactMap(\.date))
        #expect(Set(back.threads.flatMap(\.posts).compactMap(\.date)) == dates)
    }

    @Test func exportedMboxEscapesFromLinesAndWritesThreadingHeaders() throws {
        let thread = ForumThread(id: "t", title: "Tricky", posts: [
            Post(id: "a@x", author: "Ann Lee", body: "From here\n>From there\nplain"),
            Post(id: "b", author: "山田", parent: "a@x", body: "reply"),
        ])
        let text = String(decoding: try Exporter.export([thread], as: .mbox), as: UTF8.self)
        #expect(text.contains("\n>From here\n>>From there\n"))
        #expect(text.contains("In-Reply-To: <a@x>"))
        #expect(text.contains("References: <a@x>"))
        #expect(text.contains("From: =?UTF-8?B?5bGx55Sw?= <someone@weft.invalid>"))
        let back = try Importer.read(Data(text.utf8), source: "x.mbox").threads
        #expect(back.flatMap(\.posts).map(\.body) == ["From here\n>From there\nplain", "reply"])
        #expect(back.flatMap(\.posts).map(\.author) == ["Ann Lee", "山田"])
    }

    @Test(.enabled(if: SharedData.has("data/maildir-notmuch/lkml"), "../shared/data is absent"))
    func realMailSurvivesAnMboxRoundTrip() throws {
        let original = try Importer.read(SharedData.url("data/maildir-notmuch/lkml").path).threads
        let back = try Importer.read(try Exporter.export(original, as: .mbox), source: "lkml.mbox").threads
        #expect(shape(back) == shape(original))
    }

    @Test func markdownExportNumbersPostsByTheirPlaceInTheTree() throws {
        let text = String(decoding: try Exporter.export([Self.demo[0]], as: .markdown), as: UTF8.self)
        #expect(text.hasPrefix("# Restoring a 1974 touring bicycle"))
        #expect(text.contains("## 1 marguerite · 2025-03-03 09:12"))
        #expect(text.contains("## 1.1 tomasz · 2025-03-03 10:40 · in reply to marguerite"))
        #expect(text.contains("## 1.1.1.1 tomasz"))
    }

    @Test func markdownExportGivesEverySiblingItsOwnNumber() throws {
        let text = String(decoding: try Exporter.export([Self.demo[0]], as: .markdown), as: UTF8.self)
        let numbers = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { $0.split(separator: " ")[1] }
        #expect(numbers.count == Self.demo[0].posts.count)
        #expect(Set(numbers).count == numbers.count, "\(numbers)")
        #expect(numbers.contains("1.2") && numbers.contains("1.3"))
    }

    /// Mail threads keep posts in date order, which is seldom the tree's order: the header must name
    /// the parent by the post, not by the tree row of the same index.
    @Test func showNamesTheParentWhenSourceOrderDiffersFromTreeOrder() {
        let thread = ForumThread(id: "t", title: "T", posts: [
            Post(id: "a", author: "Ann", body: "root"),
            Post(id: "b", author: "Bo", parent: "a", body: "first reply"),
            Post(id: "c", author: "Cy", parent: "a", body: "second reply"),
            Post(id: "d", author: "Di", parent: "b", body: "reply to Bo, written last"),
        ])
        var shuffled = thread
        shuffled.posts = [thread.posts[0], thread.posts[2], thread.posts[3], thread.posts[1]]
        let text = TreeText.render(shuffled)
        #expect(text.contains("[d] Di · in reply to Bo"), "\(text)")
        #expect(text.contains("[c] Cy · in reply to Ann"))
    }
}
