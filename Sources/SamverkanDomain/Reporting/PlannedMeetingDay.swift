public import SamverkanTime

/// A planned meeting that counts for the follow-up reports (planned, moved or cancelled — not
/// skipped by a holiday or break, not extra): the day it was planned for and the day it is (or
/// was to be) held on, after holidays and the coordinators' decisions.
public struct PlannedMeetingDay: Sendable, Hashable {
    /// The planned date: with the structure, the meeting's identity.
    public let planned: LocalDate
    /// The day the meeting is held on (a moved meeting's new day).
    public let start: LocalDate

    public init(planned: LocalDate, start: LocalDate) {
        self.planned = planned
        self.start = start
    }
}
