import Foundation
import WeftFormats
import WeftModel

/// A thread of our own with one post of each kind a reader meets: Markdown with every span, a Discourse
/// reply, a Reddit comment, BBCode, an HTML mail, a patch, and a flowed mail.
let richFixture: ForumThread = {
    let day = { (d: Int) in Date(timeIntervalSince1970: 1_775_000_000 + Double(d) * 3600) }
    let markdown = """
        # Plans for the **spring** walk

        We *will* meet at the `north gate`, ~~not the south one~~. See [the map](https://example.org/map) \
        and @bob's notes :tada:.

        - bring water
        - bring a **hat**

        3. arrive
        4. sign in

        | day | time |
        |-----|------|
        | Sat | 9:00 |
        | Sun | 10:00 |

        ```
        let start = "09:00"
        ```

        ---

        ![route along the ridge|690x207](upload://route.png)
        """
    let discourse = """
        [quote="ann, post:1, topic:7"]
        We *will* meet at the `north gate`
        [/quote]

        I'll be there :+1: and so will @carol.

        https://example.org/weather

        ![the gate in May](https://example.org/gate.jpg)
        """
    let reddit = """
        Best walk of the year^TM ^(no really)

        >!The ridge has a view of the sea!< so bring a camera.

        Ask u/carol or see r/hiking, and
        this single newline joins the lines.
        """
    let bbcode = """
        [b]Good news[/b]: the [i]ridge trail[/i] is open again. [url=https://example.org/trail]Trail page[/url]
        [img]https://example.org/trail.png[/img]
        [list][*]boots[*]poles[/list]
        """
    let html = HTMLText.text(from: """
        <p>Hello <b>all</b>,</p>
        <p>The <a href="https://example.org/form">sign-up form</a> is <em>open</em>. Use <code>--early</code>
        for the 2*3*4 discount [1].</p>
        <blockquote><p>Earlier: is it open yet?</p></blockquote>
        <ul><li>one</li><li>two</li></ul>
        """)
    let patch = """
        The map pointed at the old car park; point it at the north gate.

        Reported-by: Ann <ann@example.org>
        Signed-off-by: Dee <dee@example.org>
        ---
         trail/map.txt | 3 ++-
         1 file changed, 2 insertions(+), 1 deletion(-)

        diff --git a/trail/map.txt b/trail/map.txt
        index 1111111..2222222 100644
        --- a/trail/map.txt
        +++ b/trail/map.txt
        @@ -1,3 +1,4 @@
         start: north gate
        -parking: old car park
        +parking: north gate lot   
        +note: this line is long enough that it has to go on over the end of the pane, the way long lines do in patches
         end: the ridge
        -- 
        2.39.2
        """
    let flowed = """
        > Is the walk on if it rains?

        Yes. We walk in any weather, but we will cut the ridge section short if the wind \
        is too strong to stand up there, which happens maybe twice a year.

        This paragraph was wrapped by a mailer at a fixed width, line by line, as
        old mail often is, so that in a wide pane it reads ragged unless the
        reader reflows it to the pane.
        """
    let mail = { (from: String, subject: String) in
        MailHeaders(from: from, to: "walks@lists.example.org", cc: "Ann <ann@example.org>",
                    date: "Tue, 31 Mar 2026 12:00:00 +0200", listID: "<walks.lists.example.org>")
    }
    return ForumThread(id: "rich-fixture", title: "Rich text walk", forum: "walks", posts: [
        Post(id: "m1", author: "ann", date: day(0), body: markdown, format: .markdown),
        Post(id: "m2", author: "bob", date: day(1), parent: "m1", body: discourse, format: .markdown),
        Post(id: "m3", author: "carol", date: day(2), parent: "m2", body: reddit, format: .commonmark),
        Post(id: "m4", author: "dee", date: day(3), parent: "m1", body: bbcode),
        Post(id: "m5@example.org", author: "Eve Writer", date: day(4), parent: "m4", body: html, format: .html,
             headers: mail("Eve Writer <eve@example.org>", "Sign-up")),
        Post(id: "m6@example.org", author: "Dee", date: day(5), parent: "m5@example.org", body: patch,
             subject: "[PATCH 1/2] trail: point the map at the north gate", headers: mail("Dee <dee@example.org>", "")),
        Post(id: "m7@example.org", author: "Ann", date: day(6), parent: "m6@example.org", body: flowed,
             headers: mail("Ann <ann@example.org>", "")),
    ])
}()
