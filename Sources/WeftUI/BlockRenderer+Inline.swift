import WeftModel

extension BlockRenderer {
    /// The marks a run's styles lay over the text, innermost first.
    static let markOrder: [(InlineStyle, Mark)] = [
        (.emphasis, .emphasis), (.strong, .strong), (.code, .code), (.strike, .strike), (.underline, .underline),
        (.superscript, .superscript), (.mention, .mention), (.emoji, .emoji), (.image, .image), (.link, .link),
        (.spoiler, .spoiler),
    ]

    /// Rich text as pieces to wrap: each run in its marks over `base`, a number after each link when the
    /// post has several, emoji as `:name:` in ASCII mode, spoilers hidden until unfolded.
    mutating func pieces(_ text: RichText, base: Role) -> [Wrap.Piece] {
        var out: [Wrap.Piece] = []
        for (k, run) in text.runs.enumerated() {
            var role = base
            for (style, mark) in BlockRenderer.markOrder where run.style.contains(style) { role = .marked(mark, on: role) }
            var shown = TerminalSafe.clean(ascii ? run.alternate ?? run.text : run.text)
            if run.style.contains(.superscript) {
                // A terminal has no raised text: Unicode's superscript letters where every character has one,
                // else a caret, as Reddit's source writes it.
                if !ascii, let raised = BlockRenderer.superscript(shown) { shown = raised } else { shown = "^" + shown }
            }
            if run.style.contains(.spoiler) && !unfold {
                shown = String(shown.map { $0 == "\n" || $0 == " " ? $0 : (ascii ? "#" : "▒") })
            }
            out.append(Wrap.Piece(text: shown, role: role, link: run.link))
            guard let link = run.link, links.indices.contains(link) else { continue }
            if run.text == links[link].url { shownVerbatim.insert(link) }
            let next = k + 1 < text.runs.count ? text.runs[k + 1].link : nil
            if next != link, links.count > 1 {
                out.append(Wrap.Piece(text: "[\(link + 1)]", role: .marked(.linkNumber, on: base), link: link))
            }
        }
        return out
    }
}

extension BlockRenderer {
    static let superscripts: [Character: Character] = {
        let plain = Array("0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW ")
        let raised = Array("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ ")
        return Dictionary(uniqueKeysWithValues: zip(plain, raised))
    }()

    /// The text in superscript characters, if every character has one.
    static func superscript(_ text: String) -> String? {
        var out = ""
        for c in text {
            guard let r = superscripts[c] else { return nil }
            out.append(r)
        }
        return out
    }
}
