import Foundation
import Testing
import WeftTestSupport
@testable import WeftFormats
@testable import WeftModel

/// The real saved pages in `../shared/data/forum-pages`, read by the recipes and checked against figures that
/// `Tests/tools/forum_page_figures.py` computes at test time with Python's `html.parser` and rules of its own.
@Suite(.enabled(if: SharedData.has("data/forum-pages"), "../shared/data/forum-pages is absent"))
struct ForumPageFigureTests {
    static let pages = SharedData.url("data/forum-pages")

    struct Figures: Decodable {
        var page: String
        var engine: String
        var posts: Int
        var authors: Int
        var ids: [String]
        var authorsInOrder: [String?]
        var linkedQuotes: Int
    }

    static let engines = [
        "phpbb3": "phpBB 3", "vbulletin3": "vBulletin 3", "vbulletin4": "vBulletin 4", "vbulletin5": "vBulletin 5",
        "xenforo1": "XenForo 1", "xenforo2": "XenForo 2", "smf2": "SMF 2", "mybb": "MyBB", "nodebb": "NodeBB",
    ]

    /// Python's figures for every page, or nil (with the reason printed) when Python cannot run.
    static func pythonFigures() throws -> [Figures]? {
        let tool = SharedData.repository.appendingPathComponent("Tests/tools/forum_page_figures.py").path
        let script = "import runpy, sys; sys.argv = ['figures', '--json', '.']; runpy.run_path('\(tool)', run_name='__main__')"
        guard let out = runPython(script, in: pages) else { return nil }
        return try JSONDecoder().decode([Figures].self, from: out)
    }

    @Test func everySharedPageGivesThePostsAuthorsAndQuoteLinksPythonFinds() throws {
        guard let all = try Self.pythonFigures() else { return }
        #expect(all.count == 22)
        for expected in all {
            let bytes = try [UInt8](Data(contentsOf: Self.pages.appendingPathComponent(expected.page)))
            let (page, notes) = try ForumPages.extract(bytes)
            #expect(page.engine == Self.engines[expected.engine], "\(expected.page)")
            #expect(page.items.map(\.id) == expected.ids, "\(expected.page): post ids in page order")
            #expect(page.items.map(\.author) == expected.authorsInOrder, "\(expected.page): authors")
            #expect(Set(page.items.compactMap(\.author)).count == expected.authors, "\(expected.page)")
            #expect(page.items.map(\.linkedQuotes).reduce(0, +) == expected.linkedQuotes, "\(expected.page): quotes naming their post")
            #expect(page.items.allSatisfy { $0.date != nil }, "\(expected.page): every date is read")
            #expect(page.items.allSatisfy { !$0.body.isEmpty || $0.signature != nil }, "\(expected.page)")
            #expect(notes.isEmpty, "\(expected.page): \(notes)")
            #expect(!page.title.isEmpty && page.forum != nil && page.threadID != nil, "\(expected.page)")
        }
    }

    /// Dates checked by hand against what each page displays.
    @Test(arguments: [
        ("phpbb3/nettally-phpBB.html", "2019-05-26T16:34:00Z"),                      // Sun May 26, 2019 4:34 pm
        ("phpbb3-parser-expected/page-3.html", "2020-01-21T14:24:00Z"),             // martedì 21 gennaio 2020, 14:24
        ("vbulletin3/nettally-vBulletin3.html", "2016-02-01T02:21:00Z"),            // 2016-02-01, 02:21
        ("vbulletin4/nettally-vBulletin4.html", "2016-06-15T15:03:00Z"),            // 06-15-2016, 03:03 PM
        ("vbulletin5/nettally-vBulletin5.html", "2019-04-09T15:37:23Z"),            // data-node-publishdate 1554824243
        ("xenforo1/nettally-RenascenceSV.html", "2014-10-30T22:48:00Z"),            // Oct 30, 2014 at 10:48 PM
        ("xenforo2/tophope-1516-1.html", "2013-08-12T11:38:46Z"),                   // 2013-08-12T15:38:46+0400
        ("smf2/2018_04_25_NonAuthenticated.html", "2011-04-24T22:37:00Z"),          // Dátum: 2011-04-24, 22:37:00
        ("mybb/sinister.ly-1048883-1.html", "2013-07-04T13:01:00Z"),                // 07-04-2013, 01:01 PM
        ("nodebb/nettally-NodeBB.html", "2019-03-24T19:54:11Z"),                    // data-timestamp 1553457251505
    ])
    func theFirstPostsDateIsTheOneThePageShows(page: String, iso: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.pages.appendingPathComponent(page)))
        let first = try ForumPages.extract(bytes).page.items.first
        #expect(first?.date.flatMap { CivilTime($0).iso8601 } == iso)
    }

    @Test func theISO88591PageIsDecodedThroughItsDeclaredCharset() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.pages.appendingPathComponent("vbulletin3/nettally-vBulletin3.html")))
        let source = PageSource(bytes: bytes)
        #expect(source.charset == "iso-8859-1")
        #expect(source.charsetNote == nil)
        #expect(!source.text.contains("\u{FFFD}"))
    }

    @Test func theMirroredPagesOfOneThreadMergeInEveryOrderIntoTheSameThread() throws {
        let threads: [(folder: String, posts: Int)] = [("xenforo2", 60), ("mybb", 24), ("smf2", 59), ("phpbb3-prosilver-httrack", 23)]
        for (folder, count) in threads {
            var files = try FileManager.default.contentsOfDirectory(atPath: Self.pages.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".html") && !$0.hasPrefix("nettally") }.sorted()
                .map { Self.pages.appendingPathComponent(folder).appendingPathComponent($0).path }
            let reference = ForumPages.readMirror(files, recipes: .standard) { _ in }.threads
            #expect(reference.count == 1, "\(folder)")
            #expect(reference.first?.realPostCount == count, "\(folder)")
            let ids = reference[0].posts.compactMap(\.number)
            #expect(ids == ids.sorted(), "\(folder): posts in the forum's order")
            for _ in 0..<3 {
                files.reverse()
                files.swapAt(0, files.count - 1)
                #expect(ForumPages.readMirror(files, recipes: .standard) { _ in }.threads == reference, "\(folder)")
                // One page per import, in this order, merged as the store merges.
                var merged: ForumThread?
                for file in files {
                    let page = try Importer.read(file).threads[0]
                    if merged == nil { merged = page } else { merged!.merge(page) }
                }
                #expect(merged?.posts.map(\.id) == reference[0].posts.map(\.id), "\(folder)")
                #expect(merged?.posts.map(\.parent) == reference[0].posts.map(\.parent), "\(folder): the same reply tree")
            }
        }
    }

    @Test func quotesOfPostsOnEarlierPagesLinkAcrossPages() throws {
        let folder = Self.pages.appendingPathComponent("xenforo2")
        let files = ["tophope-1516-3.html", "tophope-1516-1.html", "tophope-1516-2.html"].map { folder.appendingPathComponent($0).path }
        let thread = ForumPages.readMirror(files, recipes: .standard) { _ in }.threads[0]
        let resolver = QuoteResolver(posts: thread.posts)
        let pageOf = Dictionary(uniqueKeysWithValues: thread.posts.enumerated().map { ($0.offset, $0.offset / 20) })
        var crossPage = 0, byNumber = 0
        for (i, post) in thread.posts.enumerated() {
            for source in resolver.sources(forPost: PostIndex(i), body: BodyParser.parse(post.body)) where source.method == .postNumber {
                byNumber += 1
                if let target = source.post, pageOf[target.value] != pageOf[i] { crossPage += 1 }
            }
        }
        #expect(byNumber >= 40)  // python: 41 quotes name their post; one names a post not saved
        #expect(crossPage >= 1)
        ReplyTree(posts: thread.posts).checkInvariants()
        #expect(thread.posts.filter { $0.inferred == .quote }.count >= 30)
    }

    @Test func aWholeMirrorFolderImportsEveryThreadAndLeavesOtherFilesAlone() throws {
        let batch = try Importer.read(Self.pages.path)
        let pageThreads = batch.threads.filter { $0.posts.first?.format == .html }
        #expect(pageThreads.count == 15)  // 22 pages of 15 threads
        #expect(pageThreads.map(\.realPostCount).reduce(0, +) == 301)
        #expect(batch.issues.filter(\.ignored).count == 12)  // the SOURCE.txt files
    }
}
