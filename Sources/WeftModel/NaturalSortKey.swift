/// A string that sorts titles the way people read them, with plain byte comparison.
///
/// Letters are case-folded and every run of digits is written as its length
/// and then the digits, so "Part 2" sorts before "Part 10" in any store
/// (SQLite compares the keys as bytes, with an ordinary index).
public enum NaturalSortKey {
    /// The key of a title.
    public static func make(_ title: String) -> String {
        var out = ""
        out.reserveCapacity(title.utf8.count + 8)
        var digits = ""
        func flush() {
            guard !digits.isEmpty else { return }
            let trimmed = digits.drop { $0 == "0" }
            let number = trimmed.isEmpty ? "0" : String(trimmed)
            // Length first (two digits are plenty for titles), so longer numbers sort later.
            let length = min(number.count, 99)
            out += (length < 10 ? "0" : "") + String(length) + number
            digits = ""
        }
        for c in title.lowercased() {
            if c.isASCII, c.isNumber {
                digits.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }
}
