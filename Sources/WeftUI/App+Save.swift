import Foundation
import WeftModel

extension App {
    /// `w` and `W`: asks where to save the post (or the thread); the extension picks the format.
    func startSave(thread whole: Bool) {
        guard let o = open, let post = o.selectedPost else {
            say("open a thread first")
            return
        }
        guard saver != nil else {
            say("saving is not available here", error: true)
            return
        }
        let base = Slug.make(o.thread.title).prefix(40)
        let suggestion = whole ? "\(base).md" : "\(base)-\(o.thread.posts[post].number.map(String.init) ?? String(o.selection + 1)).md"
        prompt = Prompt(kind: .save(thread: whole), label: whole ? "Save thread to (.md .mbox .json): " : "Save post to (.md .mbox .json): ",
                        text: suggestion)
    }

    /// Saves the post or thread to `path`, through the wiring's ``saver``.
    func save(thread whole: Bool, to path: String) {
        guard let o = open, let post = o.selectedPost, let saver else { return }
        let target = App.expandingTilde(String(path.trimmed))
        guard !target.isEmpty else { return }
        var thread = o.thread
        if !whole { thread.posts = [o.thread.posts[post]] }
        do {
            try saver([thread], target)
            say("saved \(whole ? "the thread" : "the post") to \(target)")
        } catch {
            say("\(error)", error: true)
        }
    }

    /// `|`: asks for a shell command to pipe the post to.
    func startPipe() {
        guard open?.selectedPost != nil else {
            say("open a thread first")
            return
        }
        prompt = Prompt(kind: .pipe, label: "Pipe post to: ", text: lastPipeCommand)
    }

    /// The post as text for a command: a few mail-like header lines, a blank line, the body.
    func pipeText() -> String? {
        guard let o = open, let index = o.selectedPost else { return nil }
        let post = o.thread.posts[index]
        var text = "From: \(post.displayAuthor)\n"
        if let date = post.date { text += "Date: \(DateText.full(date, zone: timeZone))\n" }
        text += "Subject: \(post.subject ?? o.thread.title)\n"
        if post.id != "" { text += "Message-ID: <\(post.id)>\n" }
        text += "\n" + post.body
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// `y`: the post's text to the clipboard; `Y`: its first link, or its id.
    func copy(link: Bool) -> [Effect] {
        guard let o = open, let index = o.selectedPost else {
            say("open a thread first")
            return []
        }
        let post = o.thread.posts[index]
        if link {
            let url = o.parsed(index).links.first?.url
            say(url.map { "copied \($0)" } ?? "no link in this post: copied its id")
            return [.copy(url ?? post.id)]
        }
        say("copied the post (\(post.body.count) characters)")
        return [.copy(post.body)]
    }

    static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + path.dropFirst(1)
    }
}
