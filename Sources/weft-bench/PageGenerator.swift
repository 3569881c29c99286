import Foundation

/// A deterministic mirrored phpBB 3 forum, as wget or HTTrack would save it: thread pages of up to
/// 10 posts in prosilver markup (header, navigation, post profiles, footer), quotes naming their
/// post (3.2 style) or only their author (3.0 style), greetings, signatures, and forum index
/// pages that are not threads.
enum PageGenerator {
    /// What was written.
    struct Mirror {
        var pages: Int
        var posts: Int
        var threads: Int
        var bytes: Int
    }

    static let postsPerPage = 10

    /// Writes about `posts` posts into `dir`, in threads of 1 to 60 posts.
    static func write(posts target: Int, into dir: URL, seed: UInt64 = 11) throws -> Mirror {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var rng = SplitMix(seed: seed)
        let authors = (0..<400).map { "member\($0)" }
        let words = ["the", "bike", "frame", "wheel", "gear", "chain", "I", "think", "you", "should", "try", "a", "new",
                     "brake", "pad", "because", "it", "was", "worn", "out", "last", "year", "and", "then", "some",
                     "café", "naïve", "größe", "ребята", "with", "of", "to", "on", "for", "not", "really", "sure"]
        func sentence() -> String {
            var s = (0..<(6 + Int(rng.next() % 14))).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
            s = s.prefix(1).uppercased() + s.dropFirst()
            return s + "."
        }
        var mirror = Mirror(pages: 0, posts: 0, threads: 0, bytes: 0)
        var postID = 100_000
        var topic = 1_000
        while mirror.posts < target {
            topic += 1
            mirror.threads += 1
            let length = 1 + Int(rng.next() % 60)
            var thread: [(id: Int, author: String, body: String)] = []
            for i in 0..<length {
                postID += 1 + Int(rng.next() % 5)
                let author = authors[Int(rng.next() % UInt64(authors.count))]
                var body = ""
                let roll = rng.next() % 10
                if i > 0, roll < 3 {
                    let q = thread[Int(rng.next() % UInt64(thread.count))]
                    let quoted = String(q.body.split(separator: "<").first ?? "")
                    let cite = roll == 0 ? "<cite>\(q.author) wrote:</cite>"
                        : "<cite><a href=\"./memberlist.php?mode=viewprofile&amp;u=2\">\(q.author)</a> wrote: <a href=\"./viewtopic.php?p=\(q.id)#p\(q.id)\" data-post-id=\"\(q.id)\">↑</a></cite>"
                    body += "<blockquote>\(cite)\(quoted)</blockquote>"
                } else if i > 0, roll == 3 {
                    body += "Hi \(thread[Int(rng.next() % UInt64(thread.count))].author), "
                }
                body += (0..<(1 + Int(rng.next() % 3))).map { _ in (0..<(1 + Int(rng.next() % 4))).map { _ in sentence() }.joined(separator: " ") }
                    .joined(separator: "<br><br>")
                thread.append((postID, author, body))
            }
            for (n, start) in stride(from: 0, to: thread.count, by: postsPerPage).enumerated() {
                let page = Array(thread[start..<min(thread.count, start + postsPerPage)])
                let html = threadPage(topic: topic, page: n, posts: page, rng: &rng)
                let name = "viewtopic.php?t=\(topic)" + (start > 0 ? "&start=\(start)" : "") + ".html"
                try Data(html.utf8).write(to: dir.appendingPathComponent(name.replacingOccurrences(of: "?", with: "_")))
                mirror.pages += 1
                mirror.bytes += html.utf8.count
            }
            mirror.posts += thread.count
            if topic % 50 == 0 {
                let index = indexPage(forum: topic / 50)
                try Data(index.utf8).write(to: dir.appendingPathComponent("viewforum_f=\(topic / 50).html"))
                mirror.bytes += index.utf8.count
            }
        }
        return mirror
    }

    static let head = """
        <!DOCTYPE html>
        <html dir="ltr" lang="en-gb">
        <head>
        <meta charset="utf-8" />
        <meta http-equiv="X-UA-Compatible" content="IE=edge">
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link href="./assets/css/font-awesome.min.css?assets_version=42" rel="stylesheet">
        <link href="./styles/prosilver/theme/stylesheet.css?assets_version=42" rel="stylesheet">
        <link href="./styles/prosilver/theme/en/stylesheet.css?assets_version=42" rel="stylesheet">
        <!--[if lte IE 9]><link href="./styles/prosilver/theme/tweaks.css?assets_version=42" rel="stylesheet"><![endif]-->
        <script>var phpbb = {}; phpbb.toggleDisplay = function(id) { var e = document.getElementById(id); e.style.display = e.style.display === 'none' ? 'block' : 'none'; };</script>
        """

    static func threadPage(topic: Int, page: Int, posts: [(id: Int, author: String, body: String)], rng: inout SplitMix) -> String {
        var out = head
        out += """
            <title>Topic \(topic) about gears and brakes - Page \(page + 1) - Bench Bicycle Forum</title>
            </head>
            <body id="phpbb" class="nojs notouch section-viewtopic ltr ">
            <div id="wrap" class="wrap">
            <a id="top" class="top-anchor" accesskey="t"></a>
            <div id="page-header"><div class="headerbar" role="banner"><div class="inner">
            <div id="site-description" class="site-description"><a id="logo" class="logo" href="./index.php" title="Board index"><span class="site_logo"></span></a>
            <h1>Bench Bicycle Forum</h1><p>Wheels, frames and everything between</p></div>
            <div id="search-box" class="search-box search-header" role="search"><form action="./search.php" method="get" id="search">
            <fieldset><input name="keywords" id="keywords" type="search" maxlength="128" title="Search for keywords" class="inputbox search tiny" size="20" value="" placeholder="Search…" />
            <button class="button button-search" type="submit" title="Search"><i class="icon fa-search fa-fw" aria-hidden="true"></i><span class="sr-only">Search</span></button></fieldset></form></div>
            </div></div>
            <div class="navbar" role="navigation"><div class="inner"><ul id="nav-breadcrumbs" class="nav-breadcrumbs linklist navlinks" role="menubar">
            <li class="breadcrumbs"><span class="crumb"><a href="./index.php" accesskey="h" data-navbar-reference="index"><i class="icon fa-home fa-fw"></i><span>Board index</span></a></span>
            <span class="crumb"><a href="./viewforum.php?f=\(topic / 50)"><span>Gears and brakes \(topic / 50)</span></a></span></li></ul></div></div>
            </div>
            <div id="page-body" class="page-body" role="main">
            <h2 class="topic-title"><a href="./viewtopic.php?t=\(topic)&amp;start=\(page * postsPerPage)">Topic \(topic) about gears and brakes</a></h2>
            <div class="action-bar bar-top"><div class="pagination">\(posts.count) posts &bull; Page <strong>\(page + 1)</strong></div></div>

            """
        for post in posts {
            let sig = rng.next() % 4 == 0 ? "<div id=\"sig\(post.id)\" class=\"signature\">Ride safe, \(post.author)</div>" : ""
            let minute = post.id % 60, hour = post.id / 60 % 24, day = 1 + post.id / 1440 % 28
            out += """
                <div id="p\(post.id)" class="post has-profile bg\(post.id % 2 + 1)">
                <div class="inner">
                <dl class="postprofile" id="profile\(post.id)"><dt class="has-profile-rank no-avatar"><div class="avatar-container"></div>
                <a href="./memberlist.php?mode=viewprofile&amp;u=\(post.id % 400)" class="username">\(post.author)</a></dt>
                <dd class="profile-rank">Member</dd><dd class="profile-posts"><strong>Posts:</strong> \(post.id % 977)</dd>
                <dd class="profile-joined"><strong>Joined:</strong> Mon Mar 05, 2012 8:14 pm</dd></dl>
                <div class="postbody"><div id="post_content\(post.id)">
                <h3><a href="#p\(post.id)">Re: Topic \(topic)</a></h3>
                <ul class="post-buttons"><li><a href="./posting.php?mode=quote&amp;p=\(post.id)" title="Reply with quote" class="button button-icon-only"><i class="icon fa-quote-left fa-fw" aria-hidden="true"></i><span>Quote</span></a></li></ul>
                <p class="author"><a class="unread" href="./viewtopic.php?p=\(post.id)#p\(post.id)" title="Post"><i class="icon fa-file fa-fw icon-lightgray icon-md" aria-hidden="true"></i><span class="sr-only">Post</span></a>
                <span class="responsive-hide">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=\(post.id % 400)" class="username">\(post.author)</a></strong> &raquo; </span>Sun Jan \(day), 2017 \(hour % 12 + 1):\(minute < 10 ? "0" : "")\(minute) \(hour < 12 ? "am" : "pm") </p>
                <div class="content">\(post.body)</div>
                \(sig)
                </div></div>
                <div class="back2top"><a href="#top" class="top" title="Top"><i class="icon fa-chevron-circle-up fa-fw icon-gray" aria-hidden="true"></i><span class="sr-only">Top</span></a></div>
                </div></div>
                <hr class="divider" />

                """
        }
        out += """
            </div>
            <div id="page-footer" class="page-footer" role="contentinfo"><div class="navbar" role="navigation"><div class="inner">
            <ul id="nav-footer" class="nav-footer linklist" role="menubar"><li class="breadcrumbs"><span class="crumb"><a href="./index.php"><span>Board index</span></a></span></li>
            <li class="rightside">All times are <span title="UTC">UTC</span></li><li class="rightside"><a href="./ucp.php?mode=delete_cookies"><span>Delete cookies</span></a></li></ul></div></div>
            <div class="copyright">Powered by <a href="https://www.phpbb.com/">phpBB</a>&reg; Forum Software &copy; phpBB Limited</div></div>
            </div>
            </body>
            </html>

            """
        return out
    }

    /// A forum's topic list: a phpBB page that is not a thread.
    static func indexPage(forum: Int) -> String {
        head + """
            <title>Gears and brakes \(forum) - Bench Bicycle Forum</title></head>
            <body id="phpbb" class="nojs notouch section-viewforum ltr "><div id="wrap"><h2 class="forum-title">Gears and brakes \(forum)</h2>
            <ul class="topiclist topics">\((0..<50).map { "<li class=\"row\"><a href=\"./viewtopic.php?t=\(forum * 50 + $0)\" class=\"topictitle\">Topic \(forum * 50 + $0)</a></li>" }.joined())</ul>
            </div></body></html>
            """
    }
}
