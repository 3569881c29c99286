import Foundation
import WeftModel
import WeftStore
import WeftUI
import WeftStoreSource

/// The figures for one size.
struct ScaleColumn {
    var messages = 0
    var mboxBytes = 0
    var importSeconds = 0.0
    /// Peak resident memory of `weft import` (the largest of its runs).
    var importRSS: Int?
    /// Bytes on disk of the store's thread files and of its index (both database files).
    var threadBytes = 0
    var indexBytes = 0
    var readSeconds = 0.0
    var harness: Double?
    var firstScreen: Double?
    var muttOpen: Double?
    var rss: Int?
    var muttRSS: Int?
    var filter: Double?
    var filterTmux: Double?
    var muttLimit: Double?
    var searchWord: Double?
    var searchPhrase: Double?
    var searchCommon: Double?
    var commands = CommandTimes()
    /// Python's `mailbox` merely parsing the mbox: the reference the import is held to.
    var pythonParse: Double?
    var openBig: Double?
    var bigPosts = 0
    var scrollBig: Double?
    var scrollSmall: Double?
}

/// Measures one size: generates (or reuses) its mbox, imports it, then times the browser and mutt on it.
struct ScaleProbe {
    let messages: Int
    let work: String
    let weft: String
    let runs: Int
    let importRuns: Int
    /// The author every filter uses: the second most frequent.
    static let author = (name: "User 1", address: "user1@example.org")
    static let word = MboxGenerator.vocabulary[400]
    static let phrase = "\"\(MboxGenerator.vocabulary[20]) \(MboxGenerator.vocabulary[21])\""
    static let common = MboxGenerator.vocabulary[0]

    mutating func measure(mutt: String?) throws -> ScaleColumn {
        var c = ScaleColumn(messages: messages)
        let mbox = "\(work)/generated-v3-\(messages).mbox"
        if !FileManager.default.fileExists(atPath: mbox) {
            try MboxGenerator(messages: messages, threads: max(1, messages / 10), seed: 7).write(to: mbox + ".part")
            try FileManager.default.moveItem(atPath: mbox + ".part", toPath: mbox)
        }
        c.mboxBytes = (try FileManager.default.attributesOfItem(atPath: mbox)[.size] as? Int) ?? 0
        c.readSeconds = Timing.median(runs: runs) { ScaleProbe.readAll(mbox) }
        // Each import goes to a new directory, removed when the whole run ends (see ScaleBench).
        let runDir = "\(work)/run-\(getpid())"
        var importTimes: [Double] = []
        var store = ""
        for r in 0..<importRuns {
            store = "\(runDir)/store-\(messages)-\(r)"
            let result = Shell.run(weft, ["import", "--store", store, mbox])
            guard result.status == 0 else { throw ScaleError("weft import \(mbox) failed (status \(result.status))") }
            importTimes.append(result.seconds)
            c.importRSS = max(c.importRSS ?? 0, result.peakRSS)
        }
        c.importSeconds = ScaleProbe.median(importTimes)!
        c.threadBytes = ScaleProbe.diskBytes("\(store)/threads")
        c.indexBytes = ScaleProbe.diskBytes("\(store)/index")
        try measureInProcess(store: store, into: &c)
        c.commands = measureCommands(store: store)
        c.pythonParse = PythonMailbox.time(mbox, runs: importRuns)
        measureTmux(store: store, into: &c)
        if let mutt { measureMutt(mutt, mbox: mbox, into: &c) }
        return c
    }

    /// Reads a whole file, as `cat` would: the least any importer pays.
    static func readAll(_ path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        var total = 0
        while let chunk = try? handle.read(upToCount: 8 << 20), !chunk.isEmpty { total &+= chunk.count }
        return total
    }

    /// Author filter, search, opening the big thread and scrolling, in this process on the store's index.
    private func measureInProcess(store path: String, into c: inout ScaleColumn) throws {
        let store = try FileStore(root: URL(fileURLWithPath: path))
        let catalog = try StoreCatalog(store: store, background: false)
        let app = App(source: catalog, width: 120, height: 40, theme: ThemeLoader.defaultTheme())
        _ = app.render()
        c.filter = ScaleProbe.median((0..<runs).map { _ in
            app.setAuthorFilter("")
            _ = app.render()
            return ScaleProbe.time { app.setAuthorFilter(ScaleProbe.author.name); _ = app.render() }
        })
        app.setAuthorFilter("")
        c.searchWord = Timing.median(runs: runs) { (try? catalog.index.search(ScaleProbe.word).count) ?? 0 }
        c.searchPhrase = Timing.median(runs: runs) { (try? catalog.index.search(ScaleProbe.phrase).count) ?? 0 }
        c.searchCommon = Timing.median(runs: runs) { (try? catalog.index.search(ScaleProbe.common).count) ?? 0 }
        // Sorted by size, the big thread is first and the smallest last.
        for _ in 0..<3 { _ = app.handle(.char("o")) }
        _ = app.handle(.char("g"))
        _ = app.render()
        c.openBig = ScaleProbe.median((0..<runs).map { _ in
            let t = ScaleProbe.time { _ = app.handle(.enter); _ = app.render() }
            _ = app.handle(.char("q"))
            _ = app.handle(.char("q"))
            return t
        })
        _ = app.handle(.enter)
        c.bigPosts = Int(app.render().text.split(separator: "\n").first.flatMap { line in
            line.range(of: #"\d+ posts"#, options: .regularExpression).map { line[$0].split(separator: " ")[0] }
        } ?? "") ?? 0
        c.scrollBig = scroll(app)
        _ = app.handle(.char("q"))
        _ = app.handle(.char("q"))
        _ = app.handle(.char("G"))
        _ = app.handle(.enter)
        c.scrollSmall = scroll(app)
    }

    /// j and k in turn, each with a frame: what scrolling the open thread's tree costs.
    private func scroll(_ app: App) -> Double {
        var down = true
        return Timing.median(runs: max(30, runs * 10)) {
            _ = app.handle(.char(down ? "j" : "k"))
            down.toggle()
            return app.render().cells.count
        }
    }

    /// First screen, the author filter and peak RSS of the real binary under tmux.
    private func measureTmux(store: String, into c: inout ScaleColumn) {
        let tmux = Tmux()
        defer { tmux.kill() }
        let home = "\(work)/home"
        try? FileManager.default.createDirectory(atPath: home + "/Mail", withIntermediateDirectories: true)
        let env = ["HOME": home, "XDG_CONFIG_HOME": home + "/.config"]
        c.harness = ScaleProbe.median((0..<runs).map { _ in
            let start = DispatchTime.now()
            tmux.start("sh -c 'printf \"Threads (ready\"; exec sleep 60'", environment: env)
            let t = tmux.wait(since: start, timeout: 10) { $0.contains("Threads (") }
            tmux.kill()
            return t ?? .nan
        })
        var firsts: [Double] = []
        for r in 0..<runs {
            let start = DispatchTime.now()
            tmux.start("\(Shell.quote(weft)) --store \(Shell.quote(store))", environment: env)
            guard let t = tmux.wait(since: start, { $0.contains("Threads (") }) else { tmux.kill(); continue }
            firsts.append(t)
            if r == 0, let pid = tmux.pid() {
                usleep(300_000)
                tmux.keys("a")
                tmux.type(ScaleProbe.author.name)
                let begin = DispatchTime.now()
                tmux.keys("Enter")
                c.filterTmux = tmux.wait(since: begin, timeout: 60) { $0.contains("author: \(ScaleProbe.author.name) (") }
                // Browse on: search, then open the biggest thread; then read the peak.
                tmux.keys("a", "C-u", "Enter", "S")
                tmux.type(ScaleProbe.word)
                tmux.keys("Enter")
                _ = tmux.wait(since: DispatchTime.now(), timeout: 60) { $0.contains("Search: ") }
                tmux.keys("q", "o", "o", "o", "g", "Enter")
                _ = tmux.wait(since: DispatchTime.now(), timeout: 60) { $0.contains("Replies: Topic m0 ") }
                usleep(500_000)
                c.rss = Tmux.peakRSS(pid: pid)
            }
            tmux.kill()
        }
        c.firstScreen = ScaleProbe.median(firsts)
    }

    /// mutt on the same mbox: open (threaded, as Weft shows it) and limit to the same author.
    private func measureMutt(_ mutt: String, mbox: String, into c: inout ScaleColumn) {
        let tmux = Tmux()
        defer { tmux.kill() }
        let home = "\(work)/home"
        let env = ["HOME": home, "MAIL": mbox]
        let command = "\(Shell.quote(mutt)) -n -F /dev/null -R -e 'set sort=threads' -f \(Shell.quote(mbox))"
        let opened = #"\[Msgs:\d+"#
        let limited = #"\[Msgs:\d+/\d+"#
        var opens: [Double] = []
        var limits: [Double] = []
        for r in 0..<runs {
            let start = DispatchTime.now()
            tmux.start(command, environment: env)
            guard let t = tmux.wait(since: start, { $0.range(of: opened, options: .regularExpression) != nil }) else {
                tmux.kill()
                continue
            }
            opens.append(t)
            tmux.keys("l")
            tmux.type("~f \(ScaleProbe.author.address)")
            let begin = DispatchTime.now()
            tmux.keys("Enter")
            if let l = tmux.wait(since: begin, { $0.range(of: limited, options: .regularExpression) != nil }) { limits.append(l) }
            if r == 0, let pid = tmux.pid() { c.muttRSS = Tmux.peakRSS(pid: pid) }
            tmux.kill()
        }
        c.muttOpen = ScaleProbe.median(opens)
        c.muttLimit = ScaleProbe.median(limits)
    }

    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now()
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func median(_ values: [Double]) -> Double? {
        let sorted = values.filter { !$0.isNaN }.sorted()
        return sorted.isEmpty ? nil : sorted[sorted.count / 2]
    }
}

struct ScaleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension ScaleProbe {
    /// The blocks a directory's files take on disk (not their lengths: 100,000 small files take whole blocks).
    static func diskBytes(_ directory: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.reduce(0) { total, name in
            var info = stat()
            guard stat(directory + "/" + name, &info) == 0 else { return total }
            return total + Int(info.st_blocks) * 512
        }
    }
}
