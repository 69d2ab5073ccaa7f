import SamverkanTime

/// A schedule, or a calendar made from it, that cannot be made as configured.
public struct ScheduleError: SamverkanError, Equatable {
    public let code: String
    public let values: [String: String]

    /// An error with its code (a key of `errors.txt`) and the values of its message.
    public init(_ code: String, _ values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }

    /// A holiday move with no free working day between the neighbouring meetings.
    static func noFreeDay(structure: String, date: LocalDate, reason: String, policy: HolidayPolicy) -> ScheduleError {
        ScheduleError(
            policy == .moveEarlier ? "schedule.no-free-day-earlier" : "schedule.no-free-day-later",
            [
                "structure": structure, "date": date.iso, "reason": reason, "days": String(Scheduler.maximumMove),
            ])
    }
}
