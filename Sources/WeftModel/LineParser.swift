/// Parses text without BBCode into paragraphs, `>` quotes and fenced code.
struct LineParser {
    /// The quote depth of the text being parsed.
    let depth: Int
    /// Whether quoted passages are parsed in turn (false: kept as one paragraph).
    let nested: Bool

    private var blocks: [Block] = []
    private var paragraph: [Substring] = []

    init(depth: Int, nested: Bool = true) {
        self.depth = depth
        self.nested = nested
    }

    /// Parses `text` into blocks.
    func parse(_ text: Substring) -> [Block] {
        var parser = self
        parser.run(text)
        return QuotationMarks.group(parser.blocks)
    }

    private mutating func run(_ text: Substring) {
        // Split on the bytes: the same lines as splitting Characters (CRLF is normalised before), far cheaper.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if let fence = LineParser.fence(line) {
                flushParagraph()
                var code: [Substring] = []
                i += 1
                while i < lines.count, !LineParser.closes(lines[i], fence: fence) {
                    code.append(lines[i])
                    i += 1
                }
                let info = line.drop { $0 == " " || $0 == fence }.trimmed.lowercased()
                blocks.append(info == "diff" || info == "patch" ? .patch(code.joined(separator: "\n")) : .code(code.joined(separator: "\n")))
                i += 1
            } else if LineParser.startsPatch(lines, at: i) {
                flushParagraph()
                let end = LineParser.patchEnd(lines, from: i)
                blocks.append(.patch(lines[i..<end].joined(separator: "\n")))
                i = end
            } else if LineParser.isQuoted(line) {
                let attribution = takeAttribution()
                flushParagraph()
                var quoted: [Substring] = []
                while i < lines.count, LineParser.isQuoted(lines[i]) {
                    quoted.append(LineParser.stripOneLevel(lines[i]))
                    i += 1
                }
                blocks.append(.quote(makeQuote(quoted, attribution: attribution)))
            } else if line.isBlank {
                flushParagraph()
                i += 1
            } else {
                paragraph.append(line)
                i += 1
            }
        }
        flushParagraph()
    }

    private func makeQuote(_ lines: [Substring], attribution: Substring?) -> Quote {
        let inner = lines.joined(separator: "\n")
        let content: [Block]
        if !nested {
            content = [.plain(inner)]
        } else if depth + 1 >= BodyParser.maxDepth {
            // The depth limit: deeper levels are kept as text, prefixes stripped.
            let flat = lines.map { LineParser.stripAllLevels($0) }.joined(separator: "\n")
            content = flat.trimmed.isEmpty ? [] : [.plain(flat)]
        } else {
            content = BodyParser.blocks(in: inner[...], depth: depth + 1)
        }
        let line = attribution.map { String($0.trimmed) }
        return Quote(style: .prefixed, attribution: line, author: line.flatMap(Attribution.author), blocks: content)
    }

    /// Removes and returns the paragraph's last line when it introduces a quote.
    private mutating func takeAttribution() -> Substring? {
        guard let last = paragraph.last, Attribution.isAttribution(last) else { return nil }
        paragraph.removeLast()
        // Mailers wrap a long one: "On Wed, Jun 15, 2022 at 8:55 AM Jiri Kosina" / "<jikos@kernel.org> wrote:".
        if let first = paragraph.last, Attribution.opensWrapped(first), first.count + last.count < 200 {
            paragraph.removeLast()
            return Substring(first.trimmed + " " + last.trimmed)
        }
        return last
    }

    private mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        blocks.append(.plain(paragraph.joined(separator: "\n")))
        paragraph.removeAll()
    }

    /// Whether a unified diff starts at line `i`: `diff --git`, `Index:`, or `--- ` followed by `+++ `.
    static func startsPatch(_ lines: [Substring], at i: Int) -> Bool {
        // On the first byte: every line of every post is asked.
        guard let b = lines[i].utf8.first, b == UInt8(ascii: "d") || b == UInt8(ascii: "-") || b == UInt8(ascii: "I") else {
            return false
        }
        let line = lines[i]
        if line.hasPrefix("diff --git ") || line.hasPrefix("diff -") { return true }
        if line.hasPrefix("Index: "), i + 1 < lines.count, lines[i + 1].hasPrefix("====") { return true }
        return line.hasPrefix("--- ") && i + 1 < lines.count && lines[i + 1].hasPrefix("+++ ")
    }

    /// Lines a patch holds besides hunks: its file headers and git's extended headers.
    static let patchHeaders = ["diff ", "index ", "new file", "deleted file", "similarity", "dissimilarity", "rename ",
                               "copy ", "old mode", "new mode", "Binary files", "--- ", "+++ ", "@@", "Index: ", "===="]

    /// The line after a patch that starts at `start`: it runs while lines are diff lines, and stops at a
    /// signature (`-- `), or at a blank line that no diff line follows.
    static func patchEnd(_ lines: [Substring], from start: Int) -> Int {
        var i = start + 1
        while i < lines.count {
            let line = lines[i]
            if line == "-- " { break }
            if line.isEmpty {
                // Mail clients strip a context line's lone space; a blank line continues a patch only if one follows.
                if i + 1 < lines.count, isDiffLine(lines[i + 1]), lines[i + 1] != "-- " { i += 1; continue }
                break
            }
            guard isDiffLine(line) else { break }
            i += 1
        }
        return i
    }

    /// Whether a line belongs in a patch.
    static func isDiffLine(_ line: Substring) -> Bool {
        guard let b = line.utf8.first else { return false }
        switch b {
        case UInt8(ascii: " "), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "\\"): return true
        default: return patchHeaders.contains { line.hasPrefix($0) }
        }
    }

    /// The fence character of a ```` ``` ```` or `~~~` line, if it is one.
    static func fence(_ line: Substring) -> Character? {
        // On the bytes: every line of every post is asked, and both fences are ASCII.
        let t = line.utf8.drop { $0 == UInt8(ascii: " ") }
        guard t.count >= 3, let f = t.first, f == UInt8(ascii: "`") || f == UInt8(ascii: "~"),
              t.prefix(3).allSatisfy({ $0 == f }) else { return nil }
        return f == UInt8(ascii: "`") ? "`" : "~"
    }

    /// Whether a line closes a fenced block opened with `fence`.
    static func closes(_ line: Substring, fence: Character) -> Bool {
        let t = line.trimmed
        return t.count >= 3 && t.allSatisfy { $0 == fence }
    }

    /// Whether a line carries at least one `>` quote prefix (up to three leading spaces).
    static func isQuoted(_ line: Substring) -> Bool {
        var spaces = 0
        for b in line.utf8 {
            if b == UInt8(ascii: ">") { return true }
            if b == UInt8(ascii: " ") && spaces < 3 { spaces += 1; continue }
            return false
        }
        return false
    }

    /// The line with its first `>` (and one following space) removed.
    static func stripOneLevel(_ line: Substring) -> Substring {
        guard let gt = line.firstIndex(of: ">") else { return line }
        var rest = line[line.index(after: gt)...]
        if rest.first == " " { rest = rest.dropFirst() }
        return rest
    }

    /// The line with every leading `>` and space removed.
    static func stripAllLevels(_ line: Substring) -> Substring {
        line.drop { $0 == ">" || $0 == " " }
    }
}

extension Substring {
    /// Whether the text is empty or white space only; ASCII text is decided on the bytes.
    public var isBlank: Bool {
        for b in utf8 {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            case ..<0x80: return false
            default: return trimmed.isEmpty  // other white space (no-break space, …) by Character
            }
        }
        return true
    }

    /// The text without leading and trailing white space.
    public var trimmed: Substring {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[start...end]
    }
}

extension String {
    /// The text without leading and trailing white space.
    public var trimmed: Substring { self[...].trimmed }
}
