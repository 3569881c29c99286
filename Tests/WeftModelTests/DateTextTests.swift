import Foundation
import Testing
@testable import WeftModel

/// `DateText.day` is worked out by hand; Foundation's calendar is the reference.
struct DateTextTests {
    static let dates: [Double] = [0, -1, 86_399, 86_400, 951_782_400, 1_709_474_520, 1_711_846_800, 1_711_850_400,
                                  1_729_990_800, 1_730_001_600, 4_102_444_799, -2_208_988_800, 253_402_300_799]
    static let zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Pacific/Kiritimati", "America/St_Johns"]

    @Test("a day in a zone is the calendar's day", arguments: zones)
    func aDayInAZoneIsTheCalendarsDay(zone: String) throws {
        let tz = try #require(TimeZone(identifier: zone))
        for seconds in Self.dates {
            let date = Date(timeIntervalSince1970: seconds)
            let c = Calendar(identifier: .gregorian).dateComponents(in: tz, from: date)
            let expected = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
            #expect(DateText.day(date, zone: tz) == expected, "\(seconds) in \(zone)")
        }
    }
}
