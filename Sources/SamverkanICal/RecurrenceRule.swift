internal import CLibical
public import SamverkanTime

/// An RFC 5545 recurrence rule (`RRULE`), parsed and validated by libical.
///
/// The rule is kept as libical's canonical text; expansion parses it again, which costs
/// microseconds and keeps the value free of C memory.
public struct RecurrenceRule: Sendable, Hashable, CustomStringConvertible {
    /// libical's canonical form, e.g. `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU`.
    public let text: String
    /// How many `BYDAY` entries carry an nth position (`1MO`, `-1FR`).
    public let positionedWeekdayCount: Int
    /// Whether the rule uses parts that mail clients do not receive reliably
    /// (`BYSETPOS`, `BYYEARDAY`, `BYWEEKNO`, `BYHOUR`, `BYMINUTE`, `BYSECOND`).
    public let hasUnsupportedParts: Bool
    /// Whether the rule ends with `COUNT` or `UNTIL`.
    public let isBounded: Bool

    /// Parses and validates a rule such as `FREQ=MONTHLY;BYDAY=1MO`.
    /// - Throws: ``ICalError`` naming what libical could not accept.
    public init(parsing source: String) throws(ICalError) {
        let trimmed = source.hasPrefix("RRULE:") ? String(source.dropFirst(6)) : source
        guard !trimmed.isEmpty else { throw ICalError("the RRULE is empty") }
        ICalError.clear()
        var rule = icalrecurrencetype_from_string(trimmed)
        if let error = ICalError.current(context: "RRULE \"\(trimmed)\"") { throw error }
        guard rule.freq != ICAL_NO_RECURRENCE else {
            throw ICalError("RRULE \"\(trimmed)\": it has no valid FREQ (e.g. FREQ=WEEKLY)")
        }
        guard rule.rscale == nil else {
            throw ICalError("RRULE \"\(trimmed)\": RSCALE (non-Gregorian calendars) is not supported")
        }
        guard let canonical = icalrecurrencetype_as_string_r(&rule) else {
            throw ICalError("RRULE \"\(trimmed)\": libical could not write it back")
        }
        text = String(cString: canonical)
        icalmemory_free_buffer(canonical)
        var positioned: Int32 = 0
        _ = samverkan_recur_by_day_count(&rule, &positioned)
        positionedWeekdayCount = Int(positioned)
        hasUnsupportedParts = samverkan_recur_has_exotic_parts(&rule) != 0
        isBounded = rule.count > 0 || icaltime_is_null_time(rule.until) == 0
    }

    public var description: String { text }

    /// The rule's start times in a window, in the zone's local time.
    ///
    /// - Parameters:
    ///   - start: the first occurrence (`DTSTART`), in `zone`'s local time.
    ///   - zone: the zone the series lives in.
    ///   - from: the first date of the window (inclusive).
    ///   - through: the last date of the window (inclusive).
    ///   - limit: the most occurrences to return, a guard against runaway rules.
    /// - Returns: the occurrences in order.
    public func occurrences(
        start: LocalDateTime, zone: ICalTimeZone, from: LocalDate,
        through: LocalDate, limit: Int = 100_000
    ) -> [LocalDateTime] {
        guard from <= through else { return [] }
        let rule = icalrecurrencetype_from_string(text)
        let dtstart = zone.icalTime(start)
        guard let iterator = icalrecur_iterator_new(rule, dtstart) else { return [] }
        defer { icalrecur_iterator_free(iterator) }
        let weeks = rule.freq == ICAL_WEEKLY_RECURRENCE ? Int(rule.interval) : nil
        if !isBounded, let restart = Self.restart(weeklyInterval: weeks, start: start.date, from: from) {
            // Jump close to the window instead of walking every earlier occurrence.
            let jump = LocalDateTime(date: restart, time: start.time)
            _ = icalrecur_iterator_set_start(iterator, zone.icalTime(jump))
        }
        var result: [LocalDateTime] = []
        while result.count < limit {
            let next = icalrecur_iterator_next(iterator)
            if icaltime_is_null_time(next) != 0 { break }
            guard let date = LocalDate(year: Int(next.year), month: Int(next.month), day: Int(next.day)),
                let time = LocalTime(hour: Int(next.hour), minute: Int(next.minute))
            else { break }
            if date > through { break }
            if date < from || date < start.date { continue }
            result.append(LocalDateTime(date: date, time: time))
        }
        return result
    }

    /// The day to restart the iterator on for a window from `from`, or nil to walk from `start`.
    ///
    /// Usually the day before the window. A weekly rule restarts on the last day before the
    /// window that lies a whole number of intervals after `start`: libical 3.0 mis-handles a
    /// weekly restart in an off week of an `INTERVAL` > 1 (in `__iterator_set_start` the week
    /// count since `DTSTART`, not its remainder, is subtracted), which moves the iterator back to
    /// near `DTSTART`, so its first `next` walks every earlier occurrence again (about 0.5 ms a
    /// series ten years on). The dates are right either way; an aligned week never takes that path.
    ///
    /// - Parameter weeklyInterval: the rule's `INTERVAL` when it is `FREQ=WEEKLY`, else nil.
    static func restart(weeklyInterval: Int?, start: LocalDate, from: LocalDate) -> LocalDate? {
        guard from > start else { return nil }
        let dayBefore = from.adding(days: -1)
        guard let weeklyInterval else { return dayBefore }
        let period = 7 * max(weeklyInterval, 1)
        let periods = start.days(to: dayBefore) / period
        return periods > 0 ? start.adding(days: periods * period) : nil
    }
}
