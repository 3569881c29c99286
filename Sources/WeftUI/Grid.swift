/// One screen position: what is drawn there and in which role.
public struct Cell: Equatable, Sendable {
    /// The text drawn here; empty for the second column of a wide character.
    public var text: String
    /// The role the theme colours it by.
    public var role: Role

    /// A blank cell.
    public static let blank = Cell(text: " ", role: .normal)
    /// The cell to the right of a wide character.
    public static func continuation(_ role: Role) -> Cell { Cell(text: "", role: role) }
}

/// The whole screen as text and roles, rendered without any I/O.
///
/// The UI core draws into a grid; the ncurses backend copies to the terminal
/// only the cells that differ from the previous grid.
public struct Grid: Equatable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells, row by row.
    public private(set) var cells: [Cell]

    /// A blank grid.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a position.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Fills a rectangle's cells with blanks in a role.
    public mutating func fill(_ rect: Rect, role: Role) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        for y in r.y..<(r.y + r.height) {
            for x in r.x..<(r.x + r.width) { cells[y * width + x] = Cell(text: " ", role: role) }
        }
    }

    /// Draws text at (x, y), never past `limit` (exclusive column); returns the column after it.
    ///
    /// A wide character that would straddle the limit is replaced by a blank.
    @discardableResult
    public mutating func put<S: StringProtocol>(_ text: S, x: Int, y: Int, role: Role, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(limit ?? width, width)
        var col = x
        for c in text {
            if col >= end { break }
            if c == "\t" {
                col = put(" ", x: col, y: y, role: role, limit: end)
                continue
            }
            for g in DisplayWidth.glyphs(c) {
                if col + g.width > end {
                    while col < end { set(col, y, Cell(text: " ", role: role)); col += 1 }
                    return col
                }
                if col >= 0 {
                    set(col, y, Cell(text: g.text, role: role))
                    for k in 1..<max(g.width, 1) { set(col + k, y, .continuation(role)) }
                }
                col += g.width
            }
        }
        return col
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width else { return }
        // Overwriting half of a wide character blanks its other half.
        let i = y * width + x
        if cells[i].text.isEmpty, x > 0 { cells[i - 1] = Cell(text: " ", role: cells[i - 1].role) }
        if x + 1 < width, cells[i + 1].text.isEmpty, !cells[i].text.isEmpty, cell.text.isEmpty == false {
            cells[i + 1] = Cell(text: " ", role: cells[i + 1].role)
        }
        cells[i] = cell
    }

    /// The grid's text, one line per row, trailing blanks removed: what a snapshot stores.
    public var text: String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column after the right edge.
    public var maxX: Int { x + width }
    /// The row after the bottom edge.
    public var maxY: Int { y + height }

    /// The part of this rectangle inside `other`.
    public func clipped(to other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
    }
}
