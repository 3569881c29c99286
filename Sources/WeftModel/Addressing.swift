/// Finds the earlier posters a post speaks to: a greeting at its start, and `@name` mentions.
///
/// Only the post's own words count (top-level paragraphs, not quotes), and only
/// names of people who posted earlier in the thread, compared without case.
enum Addressing {
    /// One poster a post addresses.
    struct Name: Equatable {
        /// The author's name, lower-cased.
        var key: String
        /// Whether the post opens by addressing them (rather than naming them later).
        var salutation: Bool
    }

    /// Words that open a greeting before a name: "Hi DD11", "Thanks sparky1", "Dear Ann".
    ///
    /// Longer phrases come before their prefixes so "thank you" is not read as "thank".
    static let greetings = [
        "good morning", "good evening", "good afternoon", "thank you", "thanks again", "thanks so much",
        "well said", "hi there", "hello", "hiya", "heya", "hey", "hi", "dear", "thanks", "thank", "thx", "ty",
        "cheers", "welcome", "morning", "sorry", "congrats", "congratulations", "agreed", "agree", "yes", "no",
        "ok", "okay", "yeah", "great", "nice", "hallo", "bonjour", "salut", "hola", "gracias", "merci", "danke",
    ]

    /// The known posters a post addresses: the greeting's name first, then `@mentions` in order.
    static func names(in body: ParsedBody, known: [String: Int], excluding me: String?) -> [Name] {
        guard !known.isEmpty else { return [] }
        var result: [Name] = []
        let paragraphs = body.blocks.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text.plain }
            return nil
        }
        if let first = openingLine(of: body), let name = salutation(in: first, known: known), name != me {
            result.append(Name(key: name, salutation: true))
        }
        for text in paragraphs {
            for name in mentions(in: text) where known[name] != nil && name != me {
                if !result.contains(where: { $0.key == name }) { result.append(Name(key: name, salutation: false)) }
            }
        }
        return result
    }

    /// Words that open a thank-you to whoever wrote last: "Thanks for reply", "Thank you for the detail".
    static let thanks = ["thanks", "thank you", "thank u", "thx", "many thanks", "cheers for"]

    /// Whether the post opens by thanking someone without naming them.
    static func opensWithThanks(_ body: ParsedBody) -> Bool {
        guard let line = openingLine(of: body) else { return false }
        return thanks.contains { line.hasPrefix($0) && isBoundary(line.dropFirst($0.count).first) }
    }

    /// The first line of the post's own words (its first paragraph), lower-cased: where greetings and thanks stand.
    static func openingLine(of body: ParsedBody) -> String? {
        for block in body.blocks {
            if case .paragraph(let text) = block { return firstLine(text.plain)?.lowercased() }
        }
        return nil
    }

    /// The first line of a text that is not blank, trimmed, looked for without splitting the whole text.
    static func firstLine(_ text: String) -> Substring? {
        // Lines found on the bytes ("\n" is ASCII, so every cut is on a character boundary).
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[start..<end]
            if !line.isBlank { return line.trimmed.prefix(200) }
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        return nil
    }

    /// The known name a lower-cased first line opens by addressing, if any.
    static func salutation(in line: String, known: [String: Int]) -> String? {
        var rest = Substring(line)
        // "@name" opening a post addresses them as surely as "Hi name".
        var greeted = rest.first == "@"
        if let g = greetings.first(where: { rest.hasPrefix($0) && isBoundary(rest.dropFirst($0.count).first) }) {
            rest = rest.dropFirst(g.count)
            greeted = true
        }
        rest = rest.drop { $0 == " " || $0 == "," || $0 == "!" || $0 == "@" }
        // The longest known name at the start, ending at a word boundary: the first one to four words,
        // looked up whole (names may hold spaces), so the cost does not grow with the number of posters.
        var best: String?
        var end = rest.startIndex
        for _ in 0..<4 {
            guard end < rest.endIndex else { break }
            end = rest[end...].dropFirst().firstIndex { !Addressing.isNameCharacter($0) && $0 != "." && $0 != "-" } ?? rest.endIndex
            var candidate = rest[..<end]
            // A name may end in "." or "-" ("j.r.r."), but a sentence's full stop is not part of it.
            while let last = candidate.last, last == "." || last == "-" {
                if known[String(candidate)] != nil { break }
                candidate = candidate.dropLast()
            }
            if !candidate.isEmpty, known[String(candidate)] != nil { best = String(candidate) }
            guard end < rest.endIndex, rest[end] == " " else { break }
        }
        guard let name = best else { return nil }
        if greeted { return name }
        // Without a greeting, only "name," "name:" or "name -" address someone.
        let after = rest.dropFirst(name.count).drop { $0 == " " }
        return after.first.map { [",", ":", "-", "—"].contains($0) } == true ? name : nil
    }

    /// The lower-cased names written as `@name` in a text.
    static func mentions(in text: String) -> [String] {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return [] }
        var found: [String] = []
        var previous: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "@" && (previous.map { !isNameCharacter($0) } ?? true) {
                let start = text.index(after: i)
                var end = start
                while end < text.endIndex && (isNameCharacter(text[end]) || text[end] == "." || text[end] == "-") {
                    end = text.index(after: end)
                }
                let name = text[start..<end].trimmingSuffix { $0 == "." || $0 == "-" }
                if !name.isEmpty { found.append(name.lowercased()) }
                previous = nil
                i = end
                continue
            }
            previous = c
            i = text.index(after: i)
        }
        return found
    }

    static func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    static func isBoundary(_ c: Character?) -> Bool { c.map { !isNameCharacter($0) } ?? true }
}

extension Substring {
    /// The text without the trailing characters that satisfy `predicate`.
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
