import Foundation

/// A moment as a UTC calendar date and time of day, by plain arithmetic.
///
/// Howard Hinnant's `days_from_civil` and `civil_from_days` (proleptic
/// Gregorian): a `Calendar` per date costs more than parsing a whole mail
/// message, and an import reads and writes a million dates.
public struct CivilTime: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// 0 = Sunday.
    public var weekday: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    /// The UTC date and time of `date`, seconds rounded down.
    public init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
        hour = rest / 3600
        minute = rest / 60 % 60
        second = rest % 60
    }

    /// Days since 1970-01-01 of a date.
    public static func days(year y0: Int, month m: Int, day d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `2024-03-03T14:02:00Z`, as `Date.formatted(.iso8601)` writes it; nil outside years 1583–9999
    /// (Foundation switches to the Julian calendar before the Gregorian reform).
    public var iso8601: String? {
        guard (1583...9999).contains(year) else { return nil }
        return digits(time: true)
    }

    /// `2024-03-03`, the day of ``iso8601``; nil where it is nil.
    public var isoDay: String? {
        guard (1583...9999).contains(year) else { return nil }
        return digits(time: false)
    }

    /// The digits written into the string's own bytes: `weft list` writes two dates for each of
    /// 100,000 threads, and interpolating them was a third of the command.
    private func digits(time: Bool) -> String {
        String(unsafeUninitializedCapacity: time ? 20 : 10) { b in
            func put(_ n: Int, _ width: Int, at start: Int) {
                var n = n
                for i in stride(from: start + width - 1, through: start, by: -1) {
                    b[i] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
                    n /= 10
                }
            }
            put(year, 4, at: 0)
            b[4] = 0x2D
            put(month, 2, at: 5)
            b[7] = 0x2D
            put(day, 2, at: 8)
            guard time else { return 10 }
            b[10] = 0x54
            put(hour, 2, at: 11)
            b[13] = 0x3A
            put(minute, 2, at: 14)
            b[16] = 0x3A
            put(second, 2, at: 17)
            b[19] = 0x5A
            return 20
        }
    }
}
