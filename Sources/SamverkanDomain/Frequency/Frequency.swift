public import SamverkanICal
public import SamverkanTime

/// How often a structure decided to meet.
///
/// Every form but ``dates(_:)`` becomes an RFC 5545 `RRULE` (see ``rrule``) that libical expands;
/// explicit dates are kept as dates.
public enum Frequency: Sendable, Hashable {
    /// Every `interval` weeks on a weekday ("varannan tisdag").
    case weekly(interval: Int, weekday: Weekday)
    /// Monthly on the nth weekday (`ordinal` 1–4, or -1 for the last), every `interval` months.
    case monthlyWeekday(ordinal: Int, weekday: Weekday, interval: Int)
    /// Monthly on a day of the month (1–28, or -1 for the last day), every `interval` months.
    case monthlyDay(day: Int, interval: Int)
    /// A few times a year, in the given months, on the nth weekday of each.
    case monthsWeekday(months: [Int], ordinal: Int, weekday: Weekday)
    /// A few times a year, in the given months, on a day of the month.
    case monthsDay(months: [Int], day: Int)
    /// A list of decided dates (e.g. Fredagsgruppen's dated meetings).
    case dates([LocalDate])
    /// Anything else, as a raw rule validated by libical.
    case rule(RecurrenceRule)

    /// The configuration name of the form: `weekly`, `monthly`, `months`, `dates` or `rrule`.
    public var type: String {
        switch self {
        case .weekly: return "weekly"
        case .monthlyWeekday, .monthlyDay: return "monthly"
        case .monthsWeekday, .monthsDay: return "months"
        case .dates: return "dates"
        case .rule: return "rrule"
        }
    }

    /// The `RRULE` value for this frequency (without `UNTIL`), or nil for explicit dates.
    public var rrule: String? {
        func interval(_ n: Int) -> String { n > 1 ? ";INTERVAL=\(n)" : "" }
        func months(_ list: [Int]) -> String { list.sorted().map(String.init).joined(separator: ",") }
        switch self {
        case .weekly(let n, let weekday):
            return "FREQ=WEEKLY\(interval(n));BYDAY=\(weekday.icalCode)"
        case .monthlyWeekday(let ordinal, let weekday, let n):
            return "FREQ=MONTHLY\(interval(n));BYDAY=\(ordinal)\(weekday.icalCode)"
        case .monthlyDay(let day, let n):
            return "FREQ=MONTHLY\(interval(n));BYMONTHDAY=\(day)"
        case .monthsWeekday(let list, let ordinal, let weekday):
            return "FREQ=MONTHLY;BYMONTH=\(months(list));BYDAY=\(ordinal)\(weekday.icalCode)"
        case .monthsDay(let list, let day):
            return "FREQ=MONTHLY;BYMONTH=\(months(list));BYMONTHDAY=\(day)"
        case .dates:
            return nil
        case .rule(let rule):
            return rule.text
        }
    }

    /// The recurrence rule, parsed by libical, or nil for explicit dates.
    /// - Throws: ``ICalError`` when libical refuses the rule.
    public func recurrenceRule() throws(ICalError) -> RecurrenceRule? {
        if case .rule(let rule) = self { return rule }
        guard let text = rrule else { return nil }
        return try RecurrenceRule(parsing: text)
    }

    /// Why mail clients could not receive a frequency as one series.
    public enum Inexpressible: String, Sendable, Hashable {
        /// A monthly rule with several nth weekdays (Outlook cannot receive it).
        case severalWeekdays = "several-weekdays"
        /// `BYSETPOS`, `BYWEEKNO`, `BYYEARDAY` or a time-of-day part.
        case unsupportedParts = "unsupported-parts"
        /// More often than daily meetings can be held (`FREQ=DAILY` or finer).
        case tooOften = "too-often"
        /// The rule's own `COUNT` or `UNTIL` (the structure's `until` is the place for it).
        case bounded
    }

    /// Why mail clients could not receive this frequency as one series, or nil when they can.
    ///
    /// Outlook cannot receive monthly rules with several nth weekdays, nor `BYSETPOS`,
    /// `BYWEEKNO`, `BYYEARDAY` or time-of-day parts; a series with two occurrences a day is refused.
    public var inexpressibleReason: Inexpressible? {
        guard case .rule(let rule) = self else { return nil }
        if rule.positionedWeekdayCount > 1 { return .severalWeekdays }
        if rule.hasUnsupportedParts { return .unsupportedParts }
        for unit in ["SECONDLY", "MINUTELY", "HOURLY", "DAILY"] where rule.text.contains("FREQ=\(unit)") { return .tooOften }
        if rule.isBounded { return .bounded }
        return nil
    }
}
