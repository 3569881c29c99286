import Foundation

/// The command line's figures: each command's whole run, beside `weft search`'s, as the issue that
/// asked for them compares them.
struct CommandTimes {
    /// `weft search WORD`, the yardstick.
    var search: Double?
    /// `weft list --author NAME --json` for the filter's author (in about half the threads) and for a rare one.
    var listAuthor: Double?
    var listAuthorThreads = 0
    var listRareAuthor: Double?
    var listRareAuthorThreads = 0
    /// `weft list`, every thread.
    var list: Double?
    var authors: Double?
    /// `weft export THREAD --format markdown` of the thread listed first.
    var export: Double?
}

extension ScaleProbe {
    /// The author the rare-author row lists: one of the least frequent.
    static let rareAuthor = "User 250"

    /// Times each command `runs` times, its output thrown away, as hyperfine would.
    func measureCommands(store: String) -> CommandTimes {
        func time(_ args: [String]) -> Double? {
            ScaleProbe.median((0..<runs).map { _ in
                let r = Shell.run(weft, args, capture: false)
                return r.status == 0 ? r.seconds : .nan
            })
        }
        func threads(_ author: String) -> Int {
            Shell.run(weft, ["list", "--store", store, "--author", author]).output.split(separator: "\n").count
        }
        var t = CommandTimes()
        t.search = time(["search", "--store", store, "--limit", "50", ScaleProbe.word])
        t.listAuthor = time(["list", "--store", store, "--author", ScaleProbe.author.name, "--json"])
        t.listAuthorThreads = threads(ScaleProbe.author.name)
        t.listRareAuthor = time(["list", "--store", store, "--author", ScaleProbe.rareAuthor, "--json"])
        t.listRareAuthorThreads = threads(ScaleProbe.rareAuthor)
        t.list = time(["list", "--store", store])
        t.authors = time(["authors", "--store", store])
        let first = Shell.run(weft, ["list", "--store", store]).output.prefix { $0 != "\t" && $0 != "\n" }
        if !first.isEmpty { t.export = time(["export", "--store", store, String(first), "--format", "markdown"]) }
        return t
    }
}
