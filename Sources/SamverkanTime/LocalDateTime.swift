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

extension LocalDateTime {
    /// The wall-clock time `minutes` later (may roll over into following days).
    public func adding(minutes: Int) -> LocalDateTime {
        let total = time.minutesOfDay + minutes
        let days = total >= 0 ? total / 1440 : (total - 1439) / 1440
        let rest = total - days * 1440
        return LocalDateTime(date: date.adding(days: days), time: LocalTime(hour: rest / 60, minute: rest % 60)!)
    }

    /// Wall-clock minutes from this time to another (negative when the other is earlier).
    public func minutes(to other: LocalDateTime) -> Int {
        date.days(to: other.date) * 1440 + other.time.minutesOfDay - time.minutesOfDay
    }
}
