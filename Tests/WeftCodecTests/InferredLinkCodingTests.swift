import Foundation
import Testing
import WeftModel
@testable import WeftCodec

/// How Weft JSON tells an inferred link from one the source gave.
struct InferredLinkCodingTests {
    static func decode(_ json: String) throws -> ForumThread {
        try JSONDecoder().decode(ThreadDocument.self, from: Data(json.utf8)).threads[0]
    }

    @Test func postsWithoutAParentKeyGetInferredLinksAndSayWhy() throws {
        let thread = try Self.decode("""
            {"thread": {"title": "Bridge", "posts": [
              {"id": "a", "author": "ann", "body": "Who rebuilt the bridge?"},
              {"id": "b", "author": "bob", "body": "The council, in 1893."},
              {"id": "c", "author": "ann", "body": "Thanks bob, I will look it up."}]}}
            """)
        #expect(thread.posts.map(\.parent) == [nil, "a", "b"])
        #expect(thread.posts.map(\.inferred) == [.opening, .default, .salutation])
    }

    @Test func aParentKeyEvenNullIsALinkAndIsKept() throws {
        let thread = try Self.decode("""
            {"thread": {"title": "Bridge", "posts": [
              {"id": "a", "author": "ann", "parent": null, "body": "Who rebuilt the bridge?"},
              {"id": "b", "author": "bob", "parent": null, "body": "The council, in 1893."},
              {"id": "c", "author": "ann", "parent": "a", "body": "Thanks bob, I will look it up."}]}}
            """)
        #expect(thread.posts.map(\.parent) == [nil, nil, "a"])
        #expect(thread.posts.allSatisfy { $0.inferred == nil })
    }

    @Test func aStoredThreadKeepsItsInferredLinksAndReasons() throws {
        var thread = ForumThread(id: "t", title: "Bridge", posts: [
            Post(id: "a", author: "ann", body: "Who rebuilt the bridge?", inferred: .default),
            Post(id: "b", author: "bob", body: "ann wrote:\n> Who rebuilt the bridge?\n\nThe council.", inferred: .default),
        ])
        thread.inferReplies()
        let data = try JSONFormatting.encoder().encode(ThreadDocument(forum: nil, threads: [thread]))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"inferred\" : \"quote\""))
        #expect(try JSONDecoder().decode(ThreadDocument.self, from: data).threads[0] == thread)
    }
}
