import Foundation

/// The words of dates in the languages of the forums Weft reads: English, German, French, Spanish, Russian, Hungarian and Italian.
enum DateWords {
    /// Month names and abbreviations, lower-cased, by month number.
    static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "januar", "jän", "janvier", "janv", "enero", "ene", "январь", "января", "янв", "január", "gennaio", "gen"],
            ["february", "feb", "februar", "février", "févr", "fév", "fevrier", "febrero", "февраль", "февраля", "фев", "február", "febr", "febbraio"],
            ["march", "mar", "märz", "mär", "mrz", "mars", "marzo", "март", "марта", "мар", "március", "márc"],
            ["april", "apr", "avril", "avr", "abril", "abr", "апрель", "апреля", "апр", "április", "ápr", "aprile"],
            ["may", "mai", "mayo", "май", "мая", "május", "máj", "maggio", "mag"],
            ["june", "jun", "juni", "juin", "junio", "июнь", "июня", "июн", "június", "jún", "giugno", "giu"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "июль", "июля", "июл", "július", "júl", "luglio", "lug"],
            ["august", "aug", "août", "aout", "agosto", "ago", "август", "августа", "авг", "augusztus", "agosto"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "сентябрь", "сентября", "сен", "сент", "szeptember", "szept", "settembre", "set"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "октябрь", "октября", "окт", "október", "ottobre", "ott"],
            ["november", "nov", "novembre", "noviembre", "ноябрь", "ноября", "ноя", "нояб", "november", "novembre"],
            ["december", "dec", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic", "декабрь", "декабря", "дек", "december", "dicembre"],
        ]
        var table: [String: Int] = [:]
        for (i, list) in names.enumerated() { for name in list where table[name] == nil { table[name] = i + 1 } }
        return table
    }()

    /// The month a word names, if it names one.
    static func month(_ word: String) -> Int? { months[word] }

    /// Words that mean "today" (0) or "yesterday" (1).
    static let days: [String: Int] = [
        "today": 0, "heute": 0, "aujourd'hui": 0, "aujourd": 0, "hoy": 0, "сегодня": 0, "ma": 0,
        "yesterday": 1, "gestern": 1, "hier": 1, "ayer": 1, "вчера": 1, "tegnap": 1, "oggi": 0, "ieri": 1,
    ]

    /// How many days back a "today" or "yesterday" word puts the date, if the words hold one.
    static func dayOffset(_ words: [String]) -> Int? {
        words.lazy.compactMap { days[$0] }.first
    }

    /// Words that make a number of units a time in the past.
    static let agoMarkers: Set<String> = ["ago", "vor", "il", "hace", "назад", "ezelőtt", "óta"]

    /// The seconds in a unit of relative time, from its word in any of the languages.
    static func unit(_ word: String) -> TimeInterval? {
        let units: [(prefixes: [String], seconds: TimeInterval)] = [
            (["sec", "sek", "seg", "сек", "másodperc"], 1),
            (["min", "мин", "perc"], 60),
            (["hour", "hr", "stunde", "heure", "hora", "час", "óra", "órá"], 3600),
            (["day", "tag", "jour", "día", "dia", "дн", "день", "дня", "nap"], 86_400),
            (["week", "woche", "semaine", "semana", "недел", "hét", "het"], 7 * 86_400),
        ]
        for unit in units where unit.prefixes.contains(where: { word.hasPrefix($0) }) { return unit.seconds }
        return nil
    }
}
