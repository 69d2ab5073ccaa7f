public import SamverkanTime

/// One meeting of a structure as the meeting register holds it: what the configuration plans,
/// with holidays, breaks and the coordinators' decisions applied.
///
/// A meeting is identified by its structure and planned date (an extra meeting by its own date);
/// in a calendar by its UID and, within a series, its RECURRENCE-ID.
public struct RegisteredMeeting: Sendable, Hashable {
    /// Where the meeting stands.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Held on the planned day.
        case planned
        /// Held on another day or time: a holiday move, or a coordinator's decision.
        case moved
        /// Not held because of a holiday or a break (the configuration's rule).
        case skipped
        /// Not held: a coordinator cancelled it.
        case cancelled
        /// An extra meeting outside the decided frequency.
        case extra
    }

    public var structureID: String
    /// The start the configuration plans (for an extra meeting, its own start).
    public var plannedStart: LocalDateTime
    /// The calendar UID of the event the meeting belongs to.
    public var uid: String
    /// Whether the meeting is an occurrence of a recurring series (identified in calendars by
    /// `RECURRENCE-ID`), rather than an event of its own (dated frequencies, extra meetings).
    public var inSeries: Bool
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var state: State
    /// Why a meeting was moved or skipped by the configuration's rules (holiday, weekend, break).
    public var calendarReason: Occurrence.Reason?
    /// The coordinator's decision that set the state, if any.
    public var decision: MeetingDecision?

    public init(
        structureID: String, plannedStart: LocalDateTime, uid: String, inSeries: Bool,
        start: LocalDateTime, end: LocalDateTime, state: State, calendarReason: Occurrence.Reason? = nil,
        decision: MeetingDecision? = nil
    ) {
        self.structureID = structureID
        self.plannedStart = plannedStart
        self.uid = uid
        self.inSeries = inSeries
        self.start = start
        self.end = end
        self.state = state
        self.calendarReason = calendarReason
        self.decision = decision
    }

    /// Whether the meeting takes place (planned, moved or extra).
    public var isHeld: Bool { state == .planned || state == .moved || state == .extra }

    /// The planned date: with the structure, the meeting's identity.
    public var plannedDate: LocalDate { plannedStart.date }

    /// `RECURRENCE-ID` of an occurrence of a series; nil for an event of its own.
    public var recurrenceID: LocalDateTime? { inSeries ? plannedStart : nil }
}
