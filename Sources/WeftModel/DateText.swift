import Foundation

/// Dates as Weft shows them: in UTC, the same on every machine.
///
/// UTC keeps snapshots and exports stable; a later change may follow the
/// local zone in the browser.
public enum DateText {
    private static let utc = TimeZone(identifier: "UTC")!

    /// "2024-03-03 14:02".
    public static func full(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: utc, from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// "2024-03-03".
    public static func day(_ date: Date) -> String {
        String(full(date).prefix(10))
    }

    /// "Mar 3" within the year of `now`, else "2023-11-02" — as compact as a list column wants.
    public static func short(_ date: Date, now: Date) -> String {
        let cal = Calendar(identifier: .gregorian)
        let c = cal.dateComponents(in: utc, from: date)
        let n = cal.dateComponents(in: utc, from: now)
        if c.year == n.year {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(months[(c.month ?? 1) - 1]) \(c.day ?? 1)"
        }
        return day(date)
    }

    /// "Mar 3" within the year of `now`, else "2023-11": at most seven columns.
    public static func compact(_ date: Date, now: Date) -> String {
        let s = short(date, now: now)
        return s.count <= 7 ? s : String(s.prefix(7))
    }

    /// Reads an ISO 8601 timestamp as JSON APIs and Weft's files write it, with or without fractional seconds.
    public static func parseISO8601(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let d = try? Date(text, strategy: .iso8601) { return d }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
