public import SamverkanTime

/// One meeting of a structure's series after holidays and breaks were applied.
public struct Occurrence: Sendable, Hashable {
    /// What happened to the planned meeting.
    public enum Status: String, Sendable, Codable {
        /// Held on the planned day.
        case scheduled
        /// Moved to another working day because of a holiday.
        case moved
        /// Not held, because of a holiday or a break.
        case skipped
    }

    /// Why an occurrence was moved or skipped.
    public enum Reason: Sendable, Hashable {
        /// A public holiday or customary day off.
        case holiday(Holiday.Kind)
        /// A configured break, by its name (e.g. *Sommaruppehåll*).
        case breakPeriod(String)
        /// The rule gave a Saturday or Sunday (e.g. "the 15th of every month").
        case weekend

        /// A stable code: the holiday's code (`midsummer-eve`), `weekend` or `break`.
        public var code: String {
            switch self {
            case .holiday(let kind): return kind.rawValue
            case .breakPeriod: return "break"
            case .weekend: return "weekend"
            }
        }
    }

    public let structureID: String
    /// The start the rule gives (the `RECURRENCE-ID` of a moved meeting).
    public let plannedStart: LocalDateTime
    /// When the meeting starts: the planned start, or the new one when moved.
    public let start: LocalDateTime
    public let end: LocalDateTime
    public let status: Status
    public let reason: Reason?

    public init(
        structureID: String, plannedStart: LocalDateTime, start: LocalDateTime, end: LocalDateTime,
        status: Status, reason: Reason?
    ) {
        self.structureID = structureID
        self.plannedStart = plannedStart
        self.start = start
        self.end = end
        self.status = status
        self.reason = reason
    }

    /// Whether the meeting takes place (scheduled or moved).
    public var isHeld: Bool { status != .skipped }
}
