/// Undoes `format=flowed` (RFC 3676): lines the sender's mailer broke softly are joined again, so the
/// browser wraps the paragraph to the pane, as the sender meant.
///
/// A line ending in a space flows into the next line of the same quote depth; a space-stuffed line loses
/// its leading space; the signature separator `-- ` never flows. With `DelSp=yes` the trailing space
/// itself is a soft break and is dropped.
enum Flowed {
    static func decode(_ text: String, delSp: Bool) -> String {
        var out: [String] = []
        var open: (depth: Int, text: String)?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw)
            let depth = line.prefix { $0 == ">" }.count
            line = line.dropFirst(depth)
            if line.first == " " { line = line.dropFirst() }
            let flows = line.hasSuffix(" ") && line != "-- "
            var content = String(line)
            if flows && delSp { content.removeLast() }
            if let o = open, o.depth == depth {
                open = (depth, o.text + content)
            } else {
                if let o = open { out.append(render(o)) }
                open = (depth, content)
            }
            if !flows, let o = open {
                out.append(render(o))
                open = nil
            }
        }
        if let o = open { out.append(render(o)) }
        return out.joined(separator: "\n")
    }

    private static func render(_ line: (depth: Int, text: String)) -> String {
        var text = line.text
        // A joined paragraph keeps no trailing space of its own.
        while text.hasSuffix(" ") && text != "-- " { text.removeLast() }
        guard line.depth > 0 else { return text }
        return String(repeating: ">", count: line.depth) + (text.isEmpty ? "" : " ") + text
    }
}
