/// Readable ids made from titles.
public enum Slug {
    /// Lower-case letters and digits of `title`, words joined by hyphens, at most 80 characters.
    public static func make(_ title: String) -> String {
        var out = ""
        var dash = false
        for c in title.lowercased() {
            if c.isLetter || c.isNumber {
                if dash && !out.isEmpty { out.append("-") }
                out.append(c)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "thread" : String(out.prefix(80))
    }
}
