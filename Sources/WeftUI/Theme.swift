import WeftModel

/// A terminal colour: the terminal's default, or an index into the 256-colour palette.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// A palette index: 0-7 the basic colours, 8-15 their bright forms, 16-255 the cube and greys.
    case index(Int)

    /// The nearest of the eight basic colours, for 8-colour terminals.
    public var basic: Color {
        guard case .index(let i) = self, i >= 8 else { return self }
        if i < 16 { return .index(i - 8) }
        let (r, g, b) = Color.rgb(i)
        let basics: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
                                         (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
        let best = basics.enumerated().min { a, b2 in
            Color.distance(a.element, (r, g, b)) < Color.distance(b2.element, (r, g, b))
        }!
        return .index(best.offset)
    }

    /// How to draw this colour as text on a terminal of `colors` colours.
    ///
    /// With only eight, greys and bright black fall to black, which vanishes on a dark background:
    /// they are drawn in the terminal's own colour, dimmed, instead. Black itself stays black.
    public func foreground(colors: Int) -> (color: Color, dim: Bool) {
        guard colors > 0, colors < 16 else { return (self, false) }
        let nearest = basic
        if nearest == .index(0), self != .index(0) { return (.terminalDefault, true) }
        return (nearest, false)
    }

    /// The xterm RGB of a palette index from 16 to 255.
    static func rgb(_ i: Int) -> (Int, Int, Int) {
        if i >= 232 { let v = 8 + (i - 232) * 10; return (v, v, v) }
        let n = i - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[n / 36], steps[(n / 6) % 6], steps[n % 6])
    }

    /// The 256-colour index nearest an RGB value.
    static func nearest(r: Int, g: Int, b: Int) -> Int {
        var best = 16
        var bestDistance = Int.max
        for i in 16..<256 {
            let d = distance(rgb(i), (r, g, b))
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        (a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)
    }
}

/// How a role looks: colours and attributes.
public struct Style: Equatable, Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var bold = false
    public var dim = false
    public var underline = false
    public var reverse = false
    public var italic = false

    /// Creates a style.
    public init(fg: Color = .terminalDefault, bg: Color = .terminalDefault, bold: Bool = false, dim: Bool = false,
                underline: Bool = false, reverse: Bool = false, italic: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.italic = italic
    }
}

/// The names a theme file gives roles.
public enum RoleName: String, CaseIterable, Sendable {
    case normal, selection
    case treeLines = "tree-lines"
    case starter = "thread-starter"
    case quote1 = "quote-1", quote2 = "quote-2", quote3 = "quote-3", quote4 = "quote-4"
    case header
    case statusBar = "status-bar"
    case searchMatch = "search-match"
    case unreadMark = "unread-mark"
    case dimmed, error, link
    case emphasis, strong, code, strike, underline, image, mention, spoiler, superscript, emoji
    case linkText = "link-text", linkNumber = "link-number", heading
    case diffAdded = "diff-added", diffRemoved = "diff-removed", diffHunk = "diff-hunk", diffFile = "diff-file"
    case wrapMarker = "wrap-marker", trailingSpace = "trailing-space", mailHeader = "mail-header", signature

    /// The theme's name for a mark.
    init(_ mark: Mark) {
        self = mark == .link ? .linkText : RoleName(rawValue: mark.rawValue)!
    }
}

extension Style {
    /// This style with `mark`'s laid over it: the colours it names (not the terminal's default) and its attributes.
    func patched(with mark: Style) -> Style {
        var s = self
        if mark.fg != .terminalDefault { s.fg = mark.fg }
        if mark.bg != .terminalDefault { s.bg = mark.bg }
        s.bold = s.bold || mark.bold
        s.dim = s.dim || mark.dim
        s.underline = s.underline || mark.underline
        s.reverse = s.reverse != mark.reverse
        s.italic = s.italic || mark.italic
        return s
    }
}

/// A set of styles for the roles, and the palette authors are coloured from.
public struct Theme: Equatable, Sendable {
    /// The theme's name.
    public var name: String
    /// Styles by role name; a role that is missing looks like `normal`.
    public var styles: [RoleName: Style]
    /// Colours for author names, picked by a stable hash of the name.
    public var authorPalette: [Color]

    /// Creates a theme.
    public init(name: String, styles: [RoleName: Style], authorPalette: [Color]) {
        self.name = name
        self.styles = styles
        self.authorPalette = authorPalette
    }

    /// The style a role is drawn in.
    public func style(for role: Role) -> Style {
        let normal = styles[.normal] ?? Style()
        switch role {
        case .normal: return normal
        case .selection: return styles[.selection] ?? Style(reverse: true)
        case .treeLines: return styles[.treeLines] ?? normal
        case .author(let i):
            var s = normal
            if !authorPalette.isEmpty { s.fg = authorPalette[i % authorPalette.count] }
            return s
        case .starter: return styles[.starter] ?? Style(bold: true)
        case .quote(let level):
            let names: [RoleName] = [.quote1, .quote2, .quote3, .quote4]
            return styles[names[min(max(level, 1), 4) - 1]] ?? normal
        case .header: return styles[.header] ?? Style(bold: true)
        case .status: return styles[.statusBar] ?? Style(reverse: true)
        case .searchMatch: return styles[.searchMatch] ?? Style(underline: true)
        case .unread: return styles[.unreadMark] ?? Style(bold: true)
        case .dimmed: return styles[.dimmed] ?? Style(dim: true)
        case .error: return styles[.error] ?? Style(bold: true)
        case .link: return styles[.link] ?? Style(underline: true)
        case .marked(let mark, let inner):
            return style(for: inner).patched(with: styles[RoleName(mark)] ?? Theme.defaultMarks[mark] ?? Style())
        }
    }

    /// How marks look when a theme does not name them: by attributes only, so any theme reads.
    static let defaultMarks: [Mark: Style] = [
        .emphasis: Style(italic: true), .strong: Style(bold: true), .code: Style(bold: true), .strike: Style(dim: true),
        .underline: Style(underline: true), .image: Style(italic: true), .mention: Style(bold: true),
        .spoiler: Style(reverse: true), .link: Style(underline: true), .linkNumber: Style(dim: true),
        .heading: Style(bold: true, underline: true), .diffAdded: Style(bold: true), .diffRemoved: Style(dim: true),
        .diffHunk: Style(reverse: true), .diffFile: Style(bold: true), .wrapMarker: Style(bold: true),
        .trailingSpace: Style(reverse: true), .mailHeader: Style(bold: true), .signature: Style(dim: true),
    ]

    /// This theme with `other`'s styles and palette laid over it: a user theme overrides only what it names.
    public func overlaid(with other: Theme, paletteGiven: Bool) -> Theme {
        var result = self
        result.name = other.name
        for (k, v) in other.styles { result.styles[k] = v }
        if paletteGiven { result.authorPalette = other.authorPalette }
        return result
    }

    /// The palette slot for an author name: the same name always gets the same colour.
    public static func paletteSlot(for name: String) -> Int {
        Int(StableHash.value(name.lowercased()) % 1024)
    }
}
