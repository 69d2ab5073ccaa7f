public import SamverkanICal
public import SamverkanTime

extension CollaborationStructure {
    /// The decided start times in a window, before holidays and breaks are applied.
    ///
    /// The series starts at the first date on or after ``starts`` that the frequency gives and
    /// ends at ``until``; libical expands every rule.
    public func plannedStarts(from: LocalDate, through: LocalDate, limit: Int = 100_000) throws(ICalError) -> [LocalDateTime] {
        let last = min(through, until ?? through)
        let first = max(from, starts)
        guard first <= last else { return [] }
        switch frequency {
        case .dates(let dates):
            return dates.filter { $0 >= first && $0 <= last }.sorted().prefix(limit)
                .map { LocalDateTime(date: $0, time: time) }
        default:
            guard let rule = try frequency.recurrenceRule() else { return [] }
            let zone = try ICalTimeZone.named(timeZone)
            guard let dtstart = try firstStart(rule: rule, zone: zone) else { return [] }
            return rule.occurrences(start: dtstart, zone: zone, from: first, through: last, limit: limit)
        }
    }

    /// The series' first start (`DTSTART`): the first occurrence on or after ``starts``.
    ///
    /// Exported series begin here, so `DTSTART` is always an occurrence the rule gives
    /// (RFC 5545 leaves a `DTSTART` outside the rule to each client's reading).
    ///
    /// "Every N weeks on a weekday" starts on the first such weekday on or after ``starts``, as
    /// people read it. (RFC 5545 would count weeks from the week of ``starts``, so a Wednesday
    /// start for "every other Tuesday" would skip the Tuesday six days later.) Monthly intervals
    /// count from the month of ``starts``, as RFC 5545 does.
    public func firstStart(rule: RecurrenceRule, zone: ICalTimeZone) throws(ICalError) -> LocalDateTime? {
        if case .weekly(_, let weekday) = frequency {
            let offset = (weekday.rawValue - starts.weekday.rawValue + 7) % 7
            return LocalDateTime(date: starts.adding(days: offset), time: time)
        }
        // libical does not yield a start the rule does not give, so the first expanded
        // occurrence from `starts` is the first real one.
        return rule.occurrences(
            start: LocalDateTime(date: starts, time: time), zone: zone,
            from: starts, through: starts.adding(days: 800), limit: 1
        ).first
    }
}
