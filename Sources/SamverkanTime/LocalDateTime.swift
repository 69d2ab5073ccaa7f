/// A wall-clock date and time in a named zone's local time, e.g. `2025-02-21 13:00`.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: LocalDate
    public let time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    public var description: String { "\(date.iso)T\(time):00" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }
}

extension LocalDateTime {
    /// The UTC wall-clock date and time of an instant (seconds since 1970-01-01T00:00Z).
    public init(utcEpochSeconds seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        self.init(date: LocalDate(dayNumber: days), time: LocalTime(hour: rest / 3600, minute: rest % 3600 / 60)!)
    }
}
