import SamverkanTime

/// A schedule that cannot be made as configured.
public struct ScheduleError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }

    /// A holiday move with no free working day between the neighbouring meetings.
    static func noFreeDay(structure: String, date: LocalDate, reason: String, policy: HolidayPolicy) -> ScheduleError {
        let direction = policy == .moveEarlier ? "earlier" : "later"
        return ScheduleError("""
            \(structure): the meeting on \(date.iso) falls on a day off (\(reason)) and there is no free \
            working day \(direction) within \(Scheduler.maximumMove) days that is not a weekend, holiday, break or \
            another meeting of the series. Set `holidays: skip` for this structure, or choose another weekday.
            """)
    }
}
