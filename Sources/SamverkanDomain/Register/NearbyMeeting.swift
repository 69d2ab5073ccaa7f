public import SamverkanTime

/// A meeting near a date that has none, as the register has it now: the hint of a decision
/// about a day without a meeting.
public struct NearbyMeeting: Sendable, Hashable {
    /// The day it is held (its new day when moved; its planned day when cancelled).
    public let date: LocalDate
    public let cancelled: Bool
    /// The day it was planned for, when it was moved to another day.
    public let movedFrom: LocalDate?

    public init(date: LocalDate, cancelled: Bool = false, movedFrom: LocalDate? = nil) {
        self.date = date
        self.cancelled = cancelled
        self.movedFrom = movedFrom
    }

    init(_ meeting: RegisteredMeeting) {
        self.init(
            date: meeting.state == .cancelled ? meeting.plannedDate : meeting.start.date,
            cancelled: meeting.state == .cancelled,
            movedFrom: meeting.state == .moved && meeting.plannedDate != meeting.start.date ? meeting.plannedDate : nil)
    }

    /// The part of the hint naming it (`errors.txt`).
    var part: ErrorPart {
        if cancelled { return ErrorPart("register.nearest-cancelled", ["date": date.iso]) }
        if let movedFrom { return ErrorPart("register.nearest-moved", ["date": date.iso, "planned": movedFrom.iso]) }
        return ErrorPart("register.nearest-planned", ["date": date.iso])
    }
}
