import WeftModel

/// A mail message's header fields above its body (`h`), as a mail reader's header view shows them.
enum MailHeaderView {
    /// The lines: From, To, Cc, Date as the message gave them, then Subject and Message-ID; none for a post
    /// that did not come from mail.
    static func lines(_ post: Post, thread: ForumThread, width: Int) -> [StyledLine] {
        guard let headers = post.headers else {
            // Forum posts have none; mail imported before Weft kept header fields has none either.
            return [StyledLine("(no mail headers kept for this post)", .dimmed)]
        }
        var fields = headers.fields.filter { $0.name != "List-Id" }
        fields.append(("Subject", post.subject ?? thread.title))
        fields.append(("Message-ID", "<\(post.id)>"))
        if let list = headers.listID { fields.append(("List-Id", list)) }
        let nameWidth = fields.map(\.name.count).max() ?? 0
        var out: [StyledLine] = []
        for (name, value) in fields {
            let label = (name + ":").padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
            for (k, line) in Wrap.lines(TerminalSafe.clean(value, keepNewlines: false), width: max(8, width - label.count)).enumerated() {
                out.append(StyledLine([(k == 0 ? label : String(repeating: " ", count: label.count), .marked(.mailHeader, on: .normal)),
                                       (line, .normal)]))
            }
        }
        return out
    }
}
