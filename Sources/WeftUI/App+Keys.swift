import Foundation
import WeftModel

extension App {
    /// Handles one key: the prompt or help takes it first, else the keymap's action.
    @discardableResult
    public func handle(_ key: Key) -> [Effect] {
        if prompt != nil { return handlePromptKey(key) }
        message = nil
        if page != nil {
            handlePageKey(key)
            return []
        }
        if layout.tooSmall {
            // Nothing is shown, so nothing moves: only quitting and redrawing act until the terminal grows.
            let action = keymap.action(for: key)
            if action == .quit { quit() }
            return action == .redraw ? [.redraw] : []
        }
        guard let action = keymap.action(for: key) else {
            say("\(key.name) is not bound; \(keyName(.help)) shows the keys")
            return []
        }
        let effects = perform(action)
        afterAction()
        return effects
    }

    /// Runs an action.
    @discardableResult
    public func perform(_ action: Action) -> [Effect] {
        switch action {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .first: move(to: 0)
        case .last: move(to: Int.max)
        case .pageDown: move(by: pageSize())
        case .pageUp: move(by: -pageSize())
        case .halfPageDown: move(by: max(1, pageSize() / 2))
        case .halfPageUp: move(by: -max(1, pageSize() / 2))
        case .open: openSelection()
        case .focusNext: cycleFocus(1)
        case .focusPrevious: cycleFocus(-1)
        case .readOn: readOn()
        case .postPageUp: scrollPost(by: -postReadingStep())
        case .parent: goToParent()
        case .previousSibling: goToSibling(next: false)
        case .nextSibling: goToSibling(next: true)
        case .quoteSource: followQuote()
        case .jumpBack: jumpBack()
        case .toggleCollapse: toggleCollapse()
        case .toggleQuoteFold: toggleQuoteFold()
        case .openLink: return openLink()
        case .toggleRead: if focus == .list && !showingResults { toggleThreadRead() } else { toggleRead() }
        case .nextUnread: goToUnreadPost(forward: true)
        case .previousUnread: goToUnreadPost(forward: false)
        case .nextUnreadThread: goToUnreadThread(forward: true)
        case .previousUnreadThread: goToUnreadThread(forward: false)
        case .catchUpThread: catchUpThread()
        case .catchUpAll: startCatchUpAll()
        case .savePost: startSave(thread: false)
        case .saveThread: startSave(thread: true)
        case .pipePost: startPipe()
        case .copyPost: return copy(link: false)
        case .copyLink: return copy(link: true)
        case .zoom: toggleZoom()
        case .growList: resizeList(by: 10)
        case .shrinkList: resizeList(by: -10)
        case .command: startCommand()
        case .filterAuthor: startAuthorPrompt()
        case .filterCurrentAuthor: filterByCurrentAuthor()
        case .toggleHideOthers: toggleHideOthers()
        case .toggleUnreadOnly: toggleUnreadOnly()
        case .search: startSearch()
        case .searchStore: prompt = Prompt(kind: .storeSearch, label: "Search all posts: ", text: results?.query ?? "")
        case .nextMatch: nextMatch(forward: true)
        case .previousMatch: nextMatch(forward: false)
        case .cycleSort: cycleSort()
        case .toggleTimeOrder: toggleTimeOrder()
        case .toggleSignatures:
            options.hideSignatures.toggle()
            say(options.hideSignatures ? "signatures hidden" : "signatures shown")
        case .toggleReflow:
            options.reflow.toggle()
            say(options.reflow ? "hard-wrapped paragraphs reflow to the pane" : "lines as written")
        case .toggleHeaders:
            options.showHeaders.toggle()
            say(options.showHeaders ? "headers shown" : "headers hidden")
        case .cycleTheme: return cycleTheme()
        case .reload:
            idleCheck.changeToken = source.changeToken()
            reload(recheck: true)
        case .redraw: return [.redraw]
        case .help: page = (.help, 0)
        case .back: goBack()
        case .quit: quit()
        }
        return []
    }

    /// Bookkeeping after every action: read marks and scroll positions.
    func afterAction() {
        noteDisplayedPost(now: clock())
        keepSelectionsInView()
    }

    /// Asks to quit, saving read state first.
    public func quit() {
        flushReadState()
        wantsQuit = true
    }

    func goBack() {
        if focus == .post {
            focus = .tree
        } else if focus == .tree {
            closeThread()
            focus = .list
        } else if showingResults {
            results = nil
        } else {
            quit()
        }
    }

    func cycleFocus(_ step: Int) {
        var next = Pane(rawValue: (focus.rawValue + step + 3) % 3)!
        if next != .list && open == nil {
            // Nothing to focus on the right: open the selected thread first.
            openSelectedThread()
            if open == nil { next = .list }
        }
        focus = next
    }

    func openSelection() {
        switch focus {
        case .list where showingResults:
            openResult()
        case .list:
            openSelectedThread()
            if open != nil { focus = .tree }
        case .tree:
            focus = .post
        case .post:
            scrollPost(by: 1)
        }
    }

    func cycleSort() {
        let all = SortOrder.allCases
        sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
        rebuildList(keeping: selectedSummary?.id)
        say("threads sorted by \(sort.rawValue)")
    }

    func cycleTheme() -> [Effect] {
        let names = ThemeLoader.bundledNames
        themeIndex = (themeIndex + 1) % names.count
        let (theme, error) = ThemeLoader.load(names[themeIndex])
        self.theme = theme
        say(error ?? "theme: \(names[themeIndex])", error: error != nil)
        return [.redraw]
    }

    /// Called when no key came for a while: saves read marks and picks up
    /// threads another process (an import) wrote. Returns true when the screen changed.
    @discardableResult
    public func idle(now: Date = Date()) -> Bool {
        if !idleCheck.sourceChecked {
            // The first idle moment: have the source check its list against the files, off the first screen's path.
            idleCheck.sourceChecked = true
            source.refresh()
        }
        // A post shown long enough is read (the mark and the counts change on screen).
        let marked = markShownPostRead(now: now)
        if marked { prepareFrame() }
        guard now.timeIntervalSince(idleCheck.lastCheck) >= idleCheck.interval else { return marked }
        idleCheck.lastCheck = now
        flushReadState()
        let token = source.changeToken()
        guard token != idleCheck.changeToken, prompt == nil else { return marked }
        idleCheck.changeToken = token
        let before = threadList.totalThreads
        reload(quiet: true)
        if threadList.totalThreads > before { say("\(threadList.totalThreads - before) new thread(s) from the store") }
        return true
    }

    /// Reloads the list; `recheck` also has the source check its index against the files (`R`).
    func reload(quiet: Bool = false, recheck: Bool = false) {
        flushReadState()
        if recheck { source.refresh() }
        reloadSummaries()
        if let current = open, let post = open?.selectedPost {
            let postID = current.thread.posts[post].id
            openThread(id: current.thread.id, selectPost: postID)
        }
        if message == nil && !quiet { say("reloaded: \(threadList.totalThreads) threads") }
    }
}
