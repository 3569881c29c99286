import WeftModel

extension App {
    /// Keys while a prompt is open: typing edits, Tab completes, Enter accepts, Esc cancels.
    func handlePromptKey(_ key: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        var effects: [Effect] = []
        if p.kind == .confirmCatchUp {
            // One key answers: y does it, anything else does not.
            prompt = nil
            if key == .char("y") || key == .char("Y") { catchUpAll() } else { say("nothing marked") }
            afterAction()
            return []
        }
        switch key {
        case .enter:
            prompt = nil
            effects = accept(p)
            afterAction()
            return effects
        case .ctrl("c"):
            // Ctrl-c quits from anywhere, prompts included.
            prompt = nil
            if p.kind == .search { cancelSearch() }
            quit()
            return []
        case .escape, .ctrl("g"):
            prompt = nil
            if p.kind == .search { cancelSearch() }
            afterAction()
            return []
        case .tab where p.kind == .author || p.kind == .command:
            p.complete()
        case .backspace:
            if p.text.isEmpty && p.kind == .search {
                prompt = nil
                cancelSearch()
                return []
            }
            if !p.text.isEmpty { p.text.removeLast() }
            p.stem = nil
        case .ctrl("u"):
            p.text = ""
            p.stem = nil
        case .char(let c):
            p.text.append(c)
            p.stem = nil
        default:
            return []
        }
        if p.stem == nil { p.updateMatches() }
        prompt = p
        if p.kind == .search { searchAsYouType(p.text) }
        keepSelectionsInView()
        return effects
    }

    private func accept(_ p: Prompt) -> [Effect] {
        switch p.kind {
        case .author:
            applyAuthorAnswer(p.text)
        case .search:
            search.query = p.text
            search.origin = nil
            search.lastMatch = .search
            if !p.text.isEmpty && currentMatchCount(p.text) == 0 { say("not found: \(p.text)", error: true) }
        case .storeSearch:
            runStoreSearch(p.text)
        case .confirmCatchUp:
            break
        case .save(let whole):
            save(thread: whole, to: p.text)
        case .pipe:
            return pipe(p.text)
        case .command:
            return runCommand(p.text)
        case .link(let count):
            guard let n = Int(p.text.trimmed), (1...count).contains(n), let o = open, let post = o.selectedPost else {
                say("no link numbered \(p.text)", error: true)
                return []
            }
            return openURL(o.parsed(post).links[n - 1].url)
        }
        return []
    }

    /// `a`: asks for authors, completing from the thread's authors (or the store's, in the list).
    func startAuthorPrompt() {
        var counts: [String: Int] = [:]
        if let o = open, focus != .list {
            for (name, n) in o.authorship.counts(in: o.thread.posts) { counts[name, default: 0] += n }
        } else {
            for (name, n) in (try? source.authors()) ?? [] { counts[name, default: 0] += n }
        }
        var p = Prompt(kind: .author, label: "Author (Tab completes, a,b for several, !name excludes, empty clears): ",
                       text: filter.authorPromptText)
        p.candidates = counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        p.updateMatches()
        prompt = p
    }

    /// Applies an author answer to the list and the open thread, and says what it did.
    func applyAuthorAnswer(_ answer: String) {
        filter.setAuthors(fromPrompt: answer)
        search.lastMatch = .author
        refilter()
        if filter.hasAuthorTerms {
            say("\(filterDescription()) — \(keyName(.nextMatch))/\(keyName(.previousMatch)) step through, \(keyName(.toggleHideOthers)) hides the others")
        } else {
            say("author filter cleared")
        }
    }

    /// `A`: filters by the current post's author (in the list, the thread starter).
    func filterByCurrentAuthor() {
        let name: String?
        if focus != .list, let o = open, let post = o.selectedPost {
            name = o.author(post)
        } else {
            name = selectedSummary?.starter ?? selectedSummary.map { _ in Post.unnamedAuthor }
        }
        guard let name else { return }
        applyAuthorAnswer(name)
    }

    /// `H`: hides or shows the posts the filter leaves out.
    func toggleHideOthers() {
        hideOthers.toggle()
        refilter()
        say(hideOthers ? "showing only matching posts, with the posts they answer" : "showing all posts")
    }

    /// `U`: only unread threads, or only unread posts of the open thread.
    func toggleUnreadOnly() {
        filter.unreadOnly.toggle()
        refilter()
        say(filter.unreadOnly ? "showing unread only" : "showing read and unread")
    }

    /// Applies the filter to the list and the open thread.
    func refilter() {
        rebuildList(keeping: open?.thread.id ?? selectedSummary?.id)
        open?.recompute(filter: filter, hideOthers: hideOthers || filter.unreadOnly)
        open?.postScroll = 0
    }

    /// How many posts the author filter keeps: in the open thread, else in the listed threads.
    /// Counted once per change of filter, thread or list, not on every frame.
    func authorPostCount() -> Int {
        let key = "\(filter.authorPromptText)|\(open?.thread.id ?? "-")|\(open?.thread.posts.count ?? 0)|\(threadList.generation)"
        if let cached = authorCountCache, cached.key == key { return cached.count }
        let count: Int
        if let o = open {
            count = o.thread.posts.postIndices.filter { !o.thread.posts[$0].placeholder && o.passesAuthors(filter, $0) }.count
        } else {
            count = (try? source.postCount(listQuery)) ?? 0
        }
        authorCountCache = (key, count)
        return count
    }

    /// The filter as the status bar says it: "author: DD11 (3 posts)".
    func filterDescription() -> String {
        var parts: [String] = []
        if filter.hasAuthorTerms {
            let count = authorPostCount()
            parts.append("author: \(filter.authorPromptText) (\(count) post\(count == 1 ? "" : "s"))")
        }
        if filter.unreadOnly { parts.append("unread") }
        return parts.joined(separator: ", ")
    }
}
