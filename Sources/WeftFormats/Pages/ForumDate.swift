import Foundation
import WeftModel

/// Reads the dates forums print: machine attributes first, then displayed text in six languages.
///
/// Machine-readable values are epoch seconds (`data-time`, `data-node-publishdate`,
/// milliseconds too) and ISO 8601 (`<time datetime>`). Displayed text is read by
/// its parts, not by one format per forum: a four-digit year, a month name in
/// English, German, French, Spanish, Russian or Hungarian (full, abbreviated,
/// Russian genitive), a time with AM/PM (or Hungarian de./du.), and the
/// recipe's order for all-numeric dates (`07-04-2013` is July 4th on an
/// American forum). "Today", "Yesterday" and "N hours ago" in those languages
/// are resolved against the page's save time; without one they are unknown.
/// A date that cannot be read is nil, never a guess: a page rarely says its
/// time zone, so displayed times are kept as shown (as if UTC).
public enum ForumDate {
    /// How an all-numeric date orders its parts.
    public enum Order: Sendable { case monthDayYear, dayMonthYear, yearMonthDay }

    /// The date `text` names, or nil.
    public static func parse(_ text: String, order: Order = .monthDayYear, savedAt: Date? = nil) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count < 200 else { return nil }
        if let epoch = epoch(trimmed) { return epoch }
        if let iso = iso8601(trimmed) { return iso }
        return displayed(trimmed.lowercased(), order: order, savedAt: savedAt)
    }

    /// Whether displayed text is a relative date ("Today at 3:12 PM", "2 hours ago"), which needs the page's save time.
    static func isRelative(_ text: String) -> Bool {
        let words = tokens(text.lowercased())
        return DateWords.dayOffset(words) != nil || relative(words) != nil
    }

    /// Epoch seconds (9 to 11 digits) or milliseconds (12 to 14).
    static func epoch(_ s: String) -> Date? {
        guard s.allSatisfy(\.isASCII), s.allSatisfy(\.isNumber), let n = Double(s) else { return nil }
        switch s.count {
        case 9...11: return Date(timeIntervalSince1970: n)
        case 12...14: return Date(timeIntervalSince1970: n / 1000)
        default: return nil
        }
    }

    /// `2019-04-09T08:37:23`, with optional fraction and `Z` or `±hh:mm`; a bare date too.
    static func iso8601(_ s: String) -> Date? {
        let b = Array(s.utf8)
        func num(_ at: Int, _ len: Int) -> Int? {
            guard at + len <= b.count else { return nil }
            var v = 0
            for c in b[at..<at + len] { guard c >= 0x30 && c <= 0x39 else { return nil }; v = v * 10 + Int(c - 0x30) }
            return v
        }
        guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D, let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        var seconds = CivilTime.days(year: y, month: mo, day: d) * 86_400
        guard b.count > 10 else { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        guard b[10] == 0x54 || b[10] == 0x20, let h = num(11, 2), b.count > 13, b[13] == 0x3A, let mi = num(14, 2) else { return nil }
        seconds += h * 3600 + mi * 60
        var i = 16
        if i < b.count, b[i] == 0x3A, let sec = num(i + 1, 2) { seconds += sec; i += 3 }
        if i < b.count, b[i] == 0x2E { i += 1; while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 } }
        if i < b.count, b[i] == 0x2B || b[i] == 0x2D {
            let sign = b[i] == 0x2B ? 1 : -1
            guard let oh = num(i + 1, 2) else { return nil }
            let om = num(i + 4, 2) ?? num(i + 3, 2) ?? 0
            seconds -= sign * (oh * 3600 + om * 60)
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Displayed text, lower-cased.
    static func displayed(_ s: String, order: Order, savedAt: Date?) -> Date? {
        let words = tokens(s)
        let (time, rest) = clock(words)
        if let ago = relative(rest) {
            return savedAt.map { $0.addingTimeInterval(-ago) }
        }
        if let absolute = absolute(rest, time: time, order: order) { return absolute }
        guard let back = DateWords.dayOffset(rest), let savedAt else { return nil }
        let saved = CivilTime(savedAt)
        let day = CivilTime.days(year: saved.year, month: saved.month, day: saved.day) - back
        return Date(timeIntervalSince1970: TimeInterval(day * 86_400 + (time ?? 0)))
    }

    /// A date written out in full: a month name with day and year, or three numbers.
    static func absolute(_ rest: [String], time: Int?, order: Order) -> Date? {
        var month: Int?
        var numbers: [Int] = []
        var yearIndex: Int?
        for word in rest {
            if let n = Int(word) {
                if word.count == 4 { yearIndex = numbers.count }
                numbers.append(n)
            } else if month == nil, let m = DateWords.month(word) {
                month = m
            }
        }
        var year: Int?, day: Int?
        if let month {
            guard numbers.count >= 2 else { return nil }
            if let yi = yearIndex {
                year = numbers[yi]
                day = numbers.enumerated().first { $0.offset != yi }?.element
            } else {
                day = numbers[0]
                year = numbers[1] < 100 ? 2000 + numbers[1] : numbers[1]
            }
            return assemble(year, month, day, time)
        }
        guard numbers.count >= 3 else { return nil }
        let (a, b, c) = (numbers[0], numbers[1], numbers[2])
        if yearIndex == 0 || order == .yearMonthDay && a > 31 { return assemble(a, b, c, time) }
        let y = c < 100 ? 2000 + c : c
        if a > 12 || order == .dayMonthYear && b <= 12 { return assemble(y, b, a, time) }
        return assemble(y, a, b, time)
    }

    private static func assemble(_ year: Int?, _ month: Int?, _ day: Int?, _ time: Int?) -> Date? {
        guard let year, let month, let day, (1970...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            return nil
        }
        let days = CivilTime.days(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + (time ?? 0)))
    }

    /// Words and numbers, split at everything else; `16:44:10` stays one token, `4th` becomes `4`.
    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            if current.first!.isNumber, !current.contains(":") {
                let digits = current.prefix { $0.isNumber }
                let suffix = current.dropFirst(digits.count)
                if ["st", "nd", "rd", "th", "."].contains(suffix) || suffix.isEmpty { out.append(String(digits)); current = ""; return }
            }
            out.append(current)
            current = ""
        }
        for c in s {
            if c.isLetter || c.isNumber || c == ":" || (c == "." && !current.isEmpty && current.last!.isLetter) {
                if c.isNumber && !current.isEmpty && current.last!.isLetter { flush() }
                current.append(c)
            } else {
                flush()
            }
        }
        flush()
        return out.map { $0.hasSuffix(".") && $0.count > 1 ? String($0.dropLast()) : $0 }
    }

    /// Seconds into the day of the first `h:mm[:ss]` token (with am/pm after it, or de./du. before it), and the other tokens.
    static func clock(_ words: [String]) -> (Int?, [String]) {
        guard let i = words.firstIndex(where: { $0.contains(":") }) else { return (nil, words) }
        let parts = words[i].split(separator: ":").map { Int($0) }
        guard parts.count >= 2, let h = parts[0], let m = parts[1], h < 24, m < 60 else { return (nil, words) }
        var hour = h
        var rest = words
        rest.remove(at: i)
        let marker = i < rest.count ? rest[i] : nil
        let before = i > 0 ? rest[i - 1] : nil
        if marker.map({ ["pm", "p.m", "p"].contains($0) }) == true || before == "du" {
            if hour < 12 { hour += 12 }
        } else if marker.map({ ["am", "a.m", "a"].contains($0) }) == true || before == "de" {
            if hour == 12 { hour = 0 }
        }
        rest.removeAll { ["am", "pm", "a.m", "p.m", "de", "du", "at", "um", "à", "a", "в", "la", "las", "p", "o", "kl"].contains($0) }
        let second = parts.count > 2 ? (parts[2] ?? 0) : 0
        return (hour * 3600 + m * 60 + second, rest)
    }

    /// "3 hours ago", "vor 3 Stunden", "il y a 3 heures", "hace 3 horas", "3 часа назад", "3 órája": the seconds back.
    static func relative(_ words: [String]) -> TimeInterval? {
        guard words.count <= 5, let n = words.lazy.compactMap({ Int($0) }).first ?? (words.contains { ["an", "a", "one", "une", "un", "ein", "eine", "una"].contains($0) } ? 1 : nil) else { return nil }
        guard words.contains(where: { DateWords.agoMarkers.contains($0) }) || words.contains(where: { $0.hasSuffix("ja") && DateWords.unit($0) != nil }) else { return nil }
        guard let unit = words.lazy.compactMap({ DateWords.unit($0) }).first else { return nil }
        return TimeInterval(n) * unit
    }
}
