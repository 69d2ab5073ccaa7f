public import SamverkanTime

/// A Swedish public holiday (*helgdag*) or customary day off (*röd dag* in practice), such as
/// Midsummer Eve or Christmas Eve, on which collaboration meetings are not held.
public struct Holiday: Sendable, Hashable {
    /// Which holiday; the key of its name in `Templates/<lang>/phrases.txt` is `holiday.<rawValue>`.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case newYearsDay = "new-years-day"
        case epiphany
        case goodFriday = "good-friday"
        case easterSunday = "easter-sunday"
        case easterMonday = "easter-monday"
        case mayDay = "may-day"
        case ascension
        case whitSunday = "whit-sunday"
        case nationalDay = "national-day"
        case midsummerEve = "midsummer-eve"
        case midsummerDay = "midsummer-day"
        case allSaintsDay = "all-saints-day"
        case christmasEve = "christmas-eve"
        case christmasDay = "christmas-day"
        case boxingDay = "boxing-day"
        case newYearsEve = "new-years-eve"
    }

    public let kind: Kind
    public let date: LocalDate

    public init(kind: Kind, date: LocalDate) {
        self.kind = kind
        self.date = date
    }
}

/// Sweden's public holidays and customary days off, computed for any year (not listed by hand).
public enum SwedishHolidays {
    /// Every holiday of a year, in date order.
    public static func holidays(in year: Int) -> [Holiday] {
        func date(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }
        /// The first `weekday` on or after a date.
        func first(_ weekday: Weekday, onOrAfter start: LocalDate) -> LocalDate {
            start.adding(days: (weekday.rawValue - start.weekday.rawValue + 7) % 7)
        }
        let easter = easterSunday(year)
        let list: [Holiday] = [
            Holiday(kind: .newYearsDay, date: date(1, 1)),
            Holiday(kind: .epiphany, date: date(1, 6)),
            Holiday(kind: .goodFriday, date: easter.adding(days: -2)),
            Holiday(kind: .easterSunday, date: easter),
            Holiday(kind: .easterMonday, date: easter.adding(days: 1)),
            Holiday(kind: .mayDay, date: date(5, 1)),
            Holiday(kind: .ascension, date: easter.adding(days: 39)),
            Holiday(kind: .whitSunday, date: easter.adding(days: 49)),
            Holiday(kind: .nationalDay, date: date(6, 6)),
            // Midsummer Day is the Saturday between 20 and 26 June; its eve is the Friday before.
            Holiday(kind: .midsummerEve, date: first(.saturday, onOrAfter: date(6, 20)).adding(days: -1)),
            Holiday(kind: .midsummerDay, date: first(.saturday, onOrAfter: date(6, 20))),
            // All Saints' Day is the Saturday between 31 October and 6 November.
            Holiday(kind: .allSaintsDay, date: first(.saturday, onOrAfter: date(10, 31))),
            Holiday(kind: .christmasEve, date: date(12, 24)),
            Holiday(kind: .christmasDay, date: date(12, 25)),
            Holiday(kind: .boxingDay, date: date(12, 26)),
            Holiday(kind: .newYearsEve, date: date(12, 31)),
        ]
        return list.sorted { $0.date < $1.date }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }
}

/// Looks up holidays by date, computing each year once.
public struct HolidayCalendar: Sendable {
    private let byDay: [Int: Holiday]
    private let years: ClosedRange<Int>

    /// A calendar covering the given years (dates outside are computed on demand).
    public init(years: ClosedRange<Int>) {
        self.years = years
        var table: [Int: Holiday] = [:]
        for year in years {
            for holiday in SwedishHolidays.holidays(in: year) { table[holiday.date.dayNumber] = holiday }
        }
        byDay = table
    }

    /// The holiday on a date, if any.
    public func holiday(on date: LocalDate) -> Holiday? {
        if years.contains(date.year) { return byDay[date.dayNumber] }
        return SwedishHolidays.holidays(in: date.year).first { $0.date == date }
    }
}
