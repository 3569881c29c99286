import Foundation
import Testing
@testable import WeftFormats

/// Discourse HTML is parsed with network access and external entities off, in bounded time.
struct HTMLSafetyTests {
    @Test func anEntityExpansionBombStaysSmallAndQuick() {
        var doc = "<!DOCTYPE html [<!ENTITY a0 \"lol\">"
        for i in 1...12 { doc += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        doc += "]><p>&a12;</p>"
        let start = Date()
        let text = HTMLText.text(from: doc)
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(text.utf8.count < 10_000)
    }

    @Test func externalEntitiesAreNotLoaded() {
        let doc = "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>[&x;]</p>"
        #expect(!HTMLText.text(from: doc).contains("root:"))
    }

    @Test func discourseQuotesBecomeBBCodeThatLinksToThePost() {
        let cooked = """
            <aside class="quote no-group" data-username="ann" data-post="3" data-topic="42">
            <div class="title"><img alt="" src="/a.png"> ann:</div>
            <blockquote><p>the quoted words</p></blockquote></aside>
            <p>my answer &amp; more</p>
            """
        #expect(HTMLText.text(from: cooked) == "[quote=\"ann, post:3, topic:42\"]\nthe quoted words\n[/quote]\n\nmy answer & more")
    }

    @Test func deeplyNestedMarkupIsFlattenedNotRecursedForever() {
        let html = String(repeating: "<div>", count: 5_000) + "deep" + String(repeating: "</div>", count: 5_000)
        #expect(HTMLText.text(from: html).contains("deep"))
    }
}
