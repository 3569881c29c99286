import Foundation
import WeftModel

/// Writes threads as an mboxrd file that mail readers (and `weft import`) read back.
///
/// Every real post becomes a message with Message-ID, In-Reply-To and
/// References (its ancestors, root first), so the tree survives the round
/// trip. Ids that are not mail ids get `@weft.invalid`. Non-ASCII names and
/// subjects are RFC 2047 encoded; bodies are UTF-8, 8bit.
enum MboxExport {
    static func mbox(_ threads: [ForumThread]) -> [UInt8] {
        var messages: [[UInt8]] = []
        var envelopes: [String] = []
        for thread in threads {
            let byID = Dictionary(thread.posts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for post in thread.posts where !post.placeholder {
                var chain: [String] = []
                var seen: Set<String> = [post.id]
                var p = post.parent
                while let id = p, seen.insert(id).inserted, chain.count < 1000 {
                    chain.insert(id, at: 0)
                    p = byID[id]?.parent
                }
                var headers: [String] = []
                // Mail keeps its sender's real address and its own To, Cc and Subject; other posts get made-up ones.
                if let author = post.author, let address = post.headers?.address {
                    headers.append("From: \(encodeWord(author)) <\(address)>")
                } else if let author = post.author {
                    headers.append("From: \(encodeWord(author)) <\(mailbox(author))@weft.invalid>")
                } else {
                    headers.append("From: <\(MailAddress.unnamed)>")
                }
                if let date = post.date { headers.append("Date: \(MailDate.rfc5322(date))") }
                if let to = post.headers?.to { headers.append("To: \(encodeWord(to))") }
                if let cc = post.headers?.cc { headers.append("Cc: \(encodeWord(cc))") }
                let subject = post.subject ?? (post.parent == nil ? "" : "Re: ") + thread.title
                headers.append("Subject: \(encodeWord(subject))")
                headers.append("Message-ID: <\(mailID(post.id))>")
                if let parent = post.parent {
                    headers.append("In-Reply-To: <\(mailID(parent))>")
                    headers.append("References: " + chain.map { "<\(mailID($0))>" }.joined(separator: " "))
                }
                if let forum = thread.forum { headers.append("X-Weft-Forum: \(encodeWord(forum))") }
                headers.append("X-Weft-Thread: \(encodeWord(thread.id))")
                headers += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
                messages.append(Array((headers.joined(separator: "\n") + "\n\n" + post.body + "\n").utf8))
                envelopes.append("weft@weft.invalid \(MailDate.asctime(post.date ?? Date(timeIntervalSince1970: 0)))")
            }
        }
        return Mbox.write(messages, envelopes: envelopes)
    }

    /// A post id as a Message-ID: itself when it has the form local@domain, else with `@weft.invalid`.
    static func mailID(_ id: String) -> String {
        let ok = id.contains("@") && !id.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0.isNewline })
        if ok { return id }
        let safe = id.map { c -> String in
            c.isASCII && (c.isLetter || c.isNumber || "._-+#".contains(c)) ? String(c) : "=" + String(c.asciiValue ?? 63, radix: 16)
        }.joined()
        return safe + "@weft.invalid"
    }

    private static func mailbox(_ name: String) -> String {
        let s = name.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return s.isEmpty ? "someone" : String(s.prefix(40))
    }

    /// A header text, RFC 2047 encoded (UTF-8, base64) when it is not plain ASCII.
    static func encodeWord(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && !$0.isNewline }) && !text.contains("=?") { return text }
        // Encoded words are at most 75 characters: split the UTF-8 on character boundaries.
        var words: [String] = []
        var chunk: [UInt8] = []
        for c in text {
            let bytes = Array(String(c).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: " ")
    }
}
