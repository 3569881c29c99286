import Foundation

/// Dates as Weft shows them: in UTC by default (exports and `--json`, the same on every machine), or in
/// a zone the browser is given (the local one, from `TZ`).
public enum DateText {
    /// UTC.
    public static let utc = TimeZone(identifier: "UTC")!

    /// "2024-03-03 14:02"; at another offset than UTC's, with the zone: "2024-03-03 15:02 CET".
    public static func full(_ date: Date, zone: TimeZone = utc) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: zone, from: date)
        let text = String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
        guard zone.secondsFromGMT(for: date) != 0 else { return text }
        return text + " " + (zone.abbreviation(for: date) ?? zone.identifier)
    }

    /// `2024-03-03T14:02:00Z`, as `Date.formatted(.iso8601)` writes it, by hand where it can (``CivilTime``):
    /// thread files and `--json` write one per post or thread.
    public static func iso8601(_ date: Date) -> String {
        CivilTime(date).iso8601 ?? date.formatted(.iso8601)
    }

    /// "2024-03-03".
    public static func day(_ date: Date, zone: TimeZone = utc) -> String {
        // By hand (``CivilTime`` at the zone's offset): `weft list` writes one per thread, and the
        // calendar with `String(format:)` was a quarter of listing 100,000 threads.
        let local = date.addingTimeInterval(Double(zone.secondsFromGMT(for: date)))
        if let text = CivilTime(local).isoDay { return text }
        let c = Calendar(identifier: .gregorian).dateComponents(in: zone, from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// "Mar 3" within the year of `now`, else "2023-11-02" — as compact as a list column wants.
    public static func short(_ date: Date, now: Date, zone: TimeZone = utc) -> String {
        let cal = Calendar(identifier: .gregorian)
        let c = cal.dateComponents(in: zone, from: date)
        let n = cal.dateComponents(in: zone, from: now)
        if c.year == n.year {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(months[(c.month ?? 1) - 1]) \(c.day ?? 1)"
        }
        return day(date, zone: zone)
    }

    /// "Mar 3" within the year of `now`, else "2023-11": at most seven columns.
    public static func compact(_ date: Date, now: Date, zone: TimeZone = utc) -> String {
        let s = short(date, now: now, zone: zone)
        return s.count <= 7 ? s : String(s.prefix(7))
    }

    /// Reads an ISO 8601 timestamp as JSON APIs and Weft's files write it, with or without fractional seconds.
    public static func parseISO8601(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let d = try? Date(text, strategy: .iso8601) { return d }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
