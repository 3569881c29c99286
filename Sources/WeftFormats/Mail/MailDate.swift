import Foundation
import WeftModel

/// Parses RFC 5322 dates, including the obsolete forms real archives hold.
///
/// Accepts an optional day name, one- or two-digit days, two- and
/// four-digit years (two-digit: 50–99 are 19xx), optional seconds, numeric
/// zones (`+0100`), the old named zones (`GMT`, `UT`, `EST`, `PDT`, military
/// letters), comments such as `(PST)`, and missing zones (taken as UTC).
/// Written by hand: Foundation's formatters take one fixed pattern each and
/// reject most of these.
public enum MailDate {
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "bst": 60,
    ]

    public static func parse(_ raw: String?) -> Date? {
        guard let raw else { return nil }
        // Drop comments and commas, lower ASCII letters, split into words. On the bytes: this runs once per
        // message, and everything a date holds that matters is ASCII.
        var text: [UInt8] = []
        text.reserveCapacity(raw.utf8.count)
        var depth = 0
        for b in raw.utf8 {
            if b == 0x28 { depth += 1; continue }
            if b == 0x29 { depth = max(0, depth - 1); continue }
            if depth == 0 { text.append(b == 0x2C ? 0x20 : (0x41...0x5A).contains(b) ? b | 0x20 : b) }
        }
        // Words stay byte slices: strings per word cost more than the rest of the parse.
        var words = text.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        // (Bytes above ASCII count as letters: they are parts of letters in UTF-8, as in "mié".)
        if let first = words.first, first.count >= 3, first.allSatisfy({ isLetter($0) || $0 >= 0x80 }),
           monthIndex(first) == nil {
            words.removeFirst()  // the day name
        }
        guard words.count >= 3 else { return nil }
        var day: Int?, month: Int?, year: Int?
        // "3 Mar 2024" or "Mar 3 2024".
        if let d = number(words[0]), let m = monthIndex(words[1]) {
            day = d; month = m; year = number(words[2])
        } else if let m = monthIndex(words[0]), let d = number(words[1]) {
            day = d; month = m; year = number(words[2])
        }
        guard let d = day, let m = month, var y = year, (1...31).contains(d), (0...9999).contains(y) else { return nil }
        if y < 100 { y += y < 50 ? 2000 : 1900 }
        var hour = 0, minute = 0, second = 0
        var zoneMinutes = 0
        for word in words.dropFirst(3) {
            if word.contains(0x3A) {
                let parts = word.split(separator: 0x3A).map(number)
                guard parts.count >= 2, let h = parts[0], let mi = parts[1] else { continue }
                hour = h; minute = mi
                if parts.count > 2, let s = parts[2] { second = s }
            } else if let sign = word.first, sign == 0x2B || sign == 0x2D, word.count == 5, let v = number(word.dropFirst()) {
                zoneMinutes = (v / 100 * 60 + v % 100) * (sign == 0x2D ? -1 : 1)
            } else if let z = zones[String(decoding: word, as: UTF8.self)] {
                zoneMinutes = z
            } else if word.count == 1, let c = word.first, isLetter(c) {
                zoneMinutes = 0  // military zones are unreliable in practice (RFC 5322 4.3)
            }
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        guard (1...12).contains(m) else { return nil }
        // Plain arithmetic: a Calendar per message costs more than the rest of the parse.
        let days = CivilTime.days(year: y, month: m, day: d)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - zoneMinutes * 60
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static func monthIndex(_ word: ArraySlice<UInt8>) -> Int? {
        guard word.count >= 3 else { return nil }
        let three = Array(word.prefix(3))
        return monthBytes.firstIndex(of: three).map { $0 + 1 }
    }

    /// Month names as the parse compares them: lower case, as bytes.
    private static let monthBytes = monthNames.map { Array($0.lowercased().utf8) }

    private static func isLetter(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) }

    /// An integer written in ASCII digits, with an optional sign (as `Int(String)` reads it).
    private static func number(_ word: ArraySlice<UInt8>) -> Int? {
        var digits = word
        var negative = false
        if let sign = digits.first, sign == 0x2B || sign == 0x2D { negative = sign == 0x2D; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for b in digits {
            guard (0x30...0x39).contains(b) else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return negative ? -value : value
    }

    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A date as an RFC 5322 `Date:` value in UTC: "Mon, 1 Jan 2024 10:00:00 +0000".
    public static func rfc5322(_ date: Date) -> String {
        let c = CivilTime(date)
        return String(format: "%@, %d %@ %04d %02d:%02d:%02d +0000", dayNames[c.weekday], c.day, monthNames[c.month - 1],
                      c.year, c.hour, c.minute, c.second)
    }

    /// A date as an mbox envelope writes it: "Mon Jan  1 10:00:00 2024".
    public static func asctime(_ date: Date) -> String {
        let c = CivilTime(date)
        return String(format: "%@ %@ %2d %02d:%02d:%02d %04d", dayNames[c.weekday], monthNames[c.month - 1], c.day,
                      c.hour, c.minute, c.second, c.year)
    }
}
