import Foundation
import Testing
@testable import WeftFormats
@testable import WeftModel

/// Media keep a trace: a picture, video, attachment or link preview is visible text with its address
/// among the post's links, and no post whose source had content is empty.
struct MediaTraceTests {
    @Test(arguments: [
        // Discourse's lightbox: the picture's name and its full size, without the size line.
        ("""
         <p><div class="lightbox-wrapper"><a class="lightbox" href="https://d.example/uploads/original/2X/a/abc.jpeg" \
         data-download-href="/uploads/short-url/x.jpeg" title="holiday.jpeg"><img src="https://d.example/uploads/optimized/2X/a/abc_690x517.jpeg" \
         alt="holiday" width="690" height="517"><div class="meta"><span class="filename">holiday.jpeg</span>\
         <span class="informations">1024×768 244 KB</span></div></a></div></p>
         """, "![holiday.jpeg](https://d.example/uploads/original/2X/a/abc.jpeg)"),
        ("<p><img src=\"https://m.example/cat.png\" alt=\"a cat on a mat\"></p>", "![a cat on a mat](https://m.example/cat.png)"),
        ("<p><img src=\"https://m.example/photos/IMG_2041.jpg\"></p>", "![IMG_2041.jpg](https://m.example/photos/IMG_2041.jpg)"),
        ("<div class=\"lazyYT\" data-youtube-id=\"dQw4w9WgXcQ\" data-youtube-title=\"A talk\" data-width=\"480\"></div>",
         "[video: A talk](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"),
        ("<video controls><source src=\"https://d.example/uploads/clip.mp4\"></video>", "[video: clip.mp4](https://d.example/uploads/clip.mp4)"),
        ("<p><a class=\"attachment\" href=\"https://d.example/uploads/minutes.pdf\">minutes.pdf</a> (93.1 KB)</p>",
         "[attachment: minutes.pdf](https://d.example/uploads/minutes.pdf)"),
        ("""
         <aside class="onebox allowlistedgeneric" data-onebox-src="https://blog.example/post/42"><header class="source">\
         <a href="https://blog.example/post/42">blog.example</a></header><article class="onebox-body">\
         <h3><a href="https://blog.example/post/42">Why terminals still matter</a></h3><p>A summary.</p></article></aside>
         """, "[link preview: Why terminals still matter](https://blog.example/post/42)"),
    ])
    func aMediaOnlyPostShowsWhatItHolds(html: String, text: String) {
        let body = HTMLText.text(from: html)
        #expect(body.contains(text), "\(body)")
        #expect(!body.contains("244 KB"))
        #expect(!BodyParser.parse(body).links.isEmpty, "the address is among the post's links")
    }

    @Test func emojiAndSmileysStayAsTheAuthorWroteThem() {
        let html = "<p>Done <img src=\"/images/emoji/twitter/tada.png?v=9\" title=\":tada:\" class=\"emoji\" alt=\":tada:\"> "
            + "<img src=\"images/smilies/icon_smile.gif\" alt=\":)\"></p>"
        #expect(HTMLText.text(from: html) == "Done :tada: :)")
    }

    @Test func aMailWhoseHTMLIsOnlyAPictureIsNotEmpty() throws {
        let message = """
            From: Ann <a@x.org>
            Message-ID: <pic@x.org>
            Subject: Look
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><body><img src="https://x.org/garden.jpg" alt="the garden in May"></body></html>
            """
        let thread = try #require(try Importer.read(Data(message.utf8), source: "pic.eml", format: .maildir).threads.first)
        #expect(thread.posts[0].body.contains("![the garden in May](https://x.org/garden.jpg)"))
    }
}
