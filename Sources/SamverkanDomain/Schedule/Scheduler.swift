public import SamverkanTime

/// Turns a structure's decided frequency into its meetings, applying Swedish holidays, weekends
/// and the structure's breaks.
///
/// - An occurrence in a configured break is skipped (a break is a pause, whatever the policy).
/// - An occurrence on a holiday or weekend follows the structure's ``HolidayPolicy`` (or that of a
///   ``HolidayPeriod`` containing its date): skipped, or
///   moved to the nearest earlier or later working day — never onto a weekend, holiday, break day,
///   past a neighbouring meeting of the same series, or more than ``maximumMove`` days away.
public struct Scheduler: Sendable {
    /// The farthest a meeting is moved, in days.
    public static let maximumMove = 6
    /// Days of the series looked at beyond the window, so a move near its edge knows its neighbours.
    static let padding = 40

    public let holidays: HolidayCalendar

    /// - Parameter holidays: the holiday table (default: 2000–2060, computed once).
    public init(holidays: HolidayCalendar = HolidayCalendar(years: 2000...2060)) {
        self.holidays = holidays
    }

    /// The meetings whose planned date lies in a window, skipped ones included.
    /// - Throws: ``ScheduleError`` when a move finds no free day; ``ICalError`` when libical
    ///   cannot expand the rule.
    public func occurrences(of structure: CollaborationStructure, from: LocalDate, through: LocalDate) throws -> [Occurrence] {
        guard from <= through else { return [] }
        let planned = try structure.plannedStarts(from: from.adding(days: -Self.padding), through: through.adding(days: Self.padding))
        var result: [Occurrence] = []
        result.reserveCapacity(planned.count)
        for (index, start) in planned.enumerated() where start.date >= from && start.date <= through {
            func occurrence(_ status: Occurrence.Status, _ reason: Occurrence.Reason?, at actual: LocalDateTime? = nil) -> Occurrence {
                let begin = actual ?? start
                return Occurrence(
                    structureID: structure.id, plannedStart: start, start: begin,
                    end: begin.adding(minutes: structure.durationMinutes), status: status, reason: reason)
            }
            if let pause = structure.breaks.first(where: { $0.contains(start.date) }) {
                result.append(occurrence(.skipped, .breakPeriod(pause.name)))
                continue
            }
            let reason: Occurrence.Reason
            if let holiday = holidays.holiday(on: start.date) {
                reason = .holiday(holiday.kind)
            } else if start.date.weekday.isWeekend {
                reason = .weekend
            } else {
                result.append(occurrence(.scheduled, nil))
                continue
            }
            let policy = structure.holidayPolicy(on: start.date)
            switch policy {
            case .skip:
                result.append(occurrence(.skipped, reason))
            case .moveEarlier, .moveLater:
                let previous = index > 0 ? planned[index - 1].date : nil
                let next = index + 1 < planned.count ? planned[index + 1].date : nil
                guard
                    let day = freeDay(
                        near: start.date, policy: policy, after: previous,
                        before: next, breaks: structure.breaks)
                else {
                    throw ScheduleError.noFreeDay(
                        structure: structure.id, date: start.date,
                        reason: reason.code, policy: policy)
                }
                result.append(occurrence(.moved, reason, at: LocalDateTime(date: day, time: start.time)))
            }
        }
        return result
    }

    /// The nearest working day in the policy's direction strictly between the neighbours.
    func freeDay(
        near date: LocalDate, policy: HolidayPolicy, after previous: LocalDate?, before next: LocalDate?,
        breaks: [Break]
    ) -> LocalDate? {
        let step = policy == .moveEarlier ? -1 : 1
        for distance in 1...Self.maximumMove {
            let candidate = date.adding(days: step * distance)
            if let previous, candidate <= previous { return nil }
            if let next, candidate >= next { return nil }
            if isWorkingDay(candidate, breaks: breaks) { return candidate }
        }
        return nil
    }

    /// Why a day is no working day: a break, a holiday or a weekend (in that order, as
    /// ``occurrences(of:from:through:)`` says it); nil for a working day.
    public func dayOff(_ date: LocalDate, breaks: [Break] = []) -> Occurrence.Reason? {
        if let pause = breaks.first(where: { $0.contains(date) }) { return .breakPeriod(pause.name) }
        if let holiday = holidays.holiday(on: date) { return .holiday(holiday.kind) }
        return date.weekday.isWeekend ? .weekend : nil
    }

    /// Not a weekend, a holiday or a day of one of the breaks.
    public func isWorkingDay(_ date: LocalDate, breaks: [Break] = []) -> Bool {
        !date.weekday.isWeekend && holidays.holiday(on: date) == nil && !breaks.contains { $0.contains(date) }
    }

}
