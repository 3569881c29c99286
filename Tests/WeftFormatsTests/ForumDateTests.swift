import Foundation
import Testing
@testable import WeftFormats
@testable import WeftModel

/// Dates as forums print them, in the languages the shared pages and the fixtures use.
struct ForumDateTests {
    static let saved = ForumDate.parse("2024-03-10T18:00:00Z")!

    @Test(arguments: [
        // Machine values
        ("1554824243", ForumDate.Order.monthDayYear, "2019-04-09T15:37:23Z"),
        ("1553457251505", .monthDayYear, "2019-03-24T19:54:11Z"),
        ("2019-04-09T08:37:23", .monthDayYear, "2019-04-09T08:37:23Z"),
        ("2013-08-12T15:38:46+0400", .monthDayYear, "2013-08-12T11:38:46Z"),
        ("2021-11-03T07:41:09.120-05:00", .monthDayYear, "2021-11-03T12:41:09Z"),
        ("2020-04-30 11:16:53", .monthDayYear, "2020-04-30T11:16:53Z"),
        // English
        ("Sun May 26, 2019 4:34 pm", .monthDayYear, "2019-05-26T16:34:00Z"),
        ("Wed Jan 01, 2003 3:28 am", .monthDayYear, "2003-01-01T03:28:00Z"),
        ("Oct 30, 2014 at 10:48 PM", .monthDayYear, "2014-10-30T22:48:00Z"),
        ("12:15 AM, 3rd February 2021", .monthDayYear, "2021-02-03T00:15:00Z"),
        ("06-15-2016, 03:03 PM", .monthDayYear, "2016-06-15T15:03:00Z"),
        ("15-06-2016, 15:03", .monthDayYear, "2016-06-15T15:03:00Z"),
        ("04/05/2016 10:00", .dayMonthYear, "2016-05-04T10:00:00Z"),
        ("24 Aug 2020 04:27", .monthDayYear, "2020-08-24T04:27:00Z"),
        // German, French, Spanish, Russian, Hungarian, Italian
        ("3. März 2021 um 14:02", .dayMonthYear, "2021-03-03T14:02:00Z"),
        ("Mi 3. Mär 2021, 14:02", .dayMonthYear, "2021-03-03T14:02:00Z"),
        ("mer. 3 févr. 2021 14:02", .dayMonthYear, "2021-02-03T14:02:00Z"),
        ("3 août 2021 à 09:15", .dayMonthYear, "2021-08-03T09:15:00Z"),
        ("3 de diciembre de 2020, 18:40", .dayMonthYear, "2020-12-03T18:40:00Z"),
        ("12 Август 2013 в 15:38", .dayMonthYear, "2013-08-12T15:38:00Z"),
        ("12 августа 2013, 15:38", .dayMonthYear, "2013-08-12T15:38:00Z"),
        ("2011. július 29., 16:44:10", .yearMonthDay, "2011-07-29T16:44:10Z"),
        ("2011. júl. 29. du. 4:44", .yearMonthDay, "2011-07-29T16:44:00Z"),
        ("martedì 21 gennaio 2020, 14:24", .dayMonthYear, "2020-01-21T14:24:00Z"),
        // Relative, against the save time 2024-03-10 18:00
        ("Today at 3:12 PM", .monthDayYear, "2024-03-10T15:12:00Z"),
        ("Yesterday, 09:05", .monthDayYear, "2024-03-09T09:05:00Z"),
        ("Heute, 14:02", .dayMonthYear, "2024-03-10T14:02:00Z"),
        ("hier à 22:10", .dayMonthYear, "2024-03-09T22:10:00Z"),
        ("Вчера в 11:00", .dayMonthYear, "2024-03-09T11:00:00Z"),
        ("tegnap 8:30", .yearMonthDay, "2024-03-09T08:30:00Z"),
        ("2 hours ago", .monthDayYear, "2024-03-10T16:00:00Z"),
        ("vor 3 Tagen", .dayMonthYear, "2024-03-07T18:00:00Z"),
        ("hace 5 minutos", .dayMonthYear, "2024-03-10T17:55:00Z"),
        ("il y a 2 heures", .dayMonthYear, "2024-03-10T16:00:00Z"),
        ("3 часа назад", .dayMonthYear, "2024-03-10T15:00:00Z"),
    ])
    func aDisplayedDateReadsAsTheMomentItNames(text: String, order: ForumDate.Order, iso: String) {
        let date = ForumDate.parse(text, order: order, savedAt: Self.saved)
        #expect(date.flatMap { CivilTime($0).iso8601 } == iso, "\(text)")
    }

    @Test(arguments: ["", "Posted", "Today at 3:12 PM", "2 hours ago", "32-13-2020", "#24", "Joined: May 2015", "Reply with quote"])
    func aDateThatCannotBeReadIsUnknownNotWrong(text: String) {
        // Relative dates are unknown without the page's save time.
        #expect(ForumDate.parse(text, savedAt: nil) == nil, "\(text)")
    }
}
