/// Recognises the line that introduces a quote ("On Mon, Ann wrote:") and reads the name in it.
public enum Attribution {
    private static let verbs = ["wrote:", "writes:", "said:", "says:", "posted:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "escreveu:", "scrisse:", "napisał:"]

    /// Whether a line reads as an attribution: short, and ending in "wrote:" or the like.
    public static func isAttribution(_ line: Substring) -> Bool {
        let t = line.trimmed
        guard t.count <= 200 else { return false }
        let lower = t.lowercased()
        return verbs.contains { lower.hasSuffix($0) }
    }

    /// Whether a line reads as the first half of an attribution a mailer wrapped: "On <date>, <name>"
    /// (or German's "Am", French "Le"), with a digit in it, and no verb yet.
    public static func opensWrapped(_ line: Substring) -> Bool {
        let t = line.trimmed
        guard t.count <= 160, !isAttribution(t) else { return false }
        let lower = t.lowercased()
        return ["on ", "am ", "le ", "em ", "el ", "il "].contains { lower.hasPrefix($0) } && t.contains { $0.isNumber }
    }

    /// The name in an attribution line, if one can be read.
    ///
    /// "On Tue, 3 Mar 2024, Ann Lee <ann@x.org> wrote:" gives "Ann Lee";
    /// "DD11 wrote:" gives "DD11".
    public static func author(in line: String) -> String? {
        let t = line.trimmed
        let lower = t.lowercased()
        guard let verb = verbs.first(where: { lower.hasSuffix($0) }) else { return nil }
        var head = t.dropLast(verb.count).trimmed
        if head.lowercased().hasPrefix("on ") || head.lowercased().hasPrefix("am ") || head.lowercased().hasPrefix("le ") {
            // The name follows the date; dates carry commas, names usually don't.
            if let comma = head.lastIndex(of: ",") { head = head[head.index(after: comma)...].trimmed } else { return nil }
        }
        if let lt = head.firstIndex(of: "<") {
            let name = head[..<lt].trimmed
            if name.isEmpty {
                let address = head[head.index(after: lt)...].prefix { $0 != ">" }
                return address.isEmpty ? nil : String(address)
            }
            head = name
        }
        head = head.trimmingQuotes()
        return head.isEmpty ? nil : String(head)
    }
}

extension Substring {
    /// The text without one pair of surrounding straight or curly quotation marks.
    func trimmingQuotes() -> Substring {
        guard count >= 2, let f = first, let l = last,
              QuotationMarks.opening.contains(f), QuotationMarks.closing.contains(l) else { return self }
        return dropFirst().dropLast()
    }
}
