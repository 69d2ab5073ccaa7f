public import SamverkanTime

/// A coordinator's decision about one meeting, stored as an override of what the configuration
/// plans: cancel it, move it, add an extra meeting, or restore a meeting to what is planned.
///
/// Decisions are kept apart from the configuration, so a re-derived register (after the
/// configuration changed) applies them again.
public struct MeetingDecision: Sendable, Hashable {
    /// What was decided.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// The meeting is not held.
        case cancel
        /// The meeting is held at another time (``MeetingDecision/start``).
        case move
        /// An extra meeting outside the decided frequency, at ``MeetingDecision/start``.
        case add
        /// Undo earlier decisions: the meeting is as the configuration plans it.
        case restore
    }

    public var structureID: String
    /// The meeting the decision is about: its planned date (cancel, move, restore), or the date
    /// of the extra meeting (add).
    public var date: LocalDate
    public var action: Action
    /// The new start (move) or the start of the extra meeting (add); nil otherwise.
    public var start: LocalDateTime?
    /// Why, in the coordinator's words; shown in calendars and listings.
    public var reason: String
    /// Who decided (a configured person's name or the database user), if known.
    public var decidedBy: String?
    /// When it was decided: an ISO 8601 UTC timestamp (`2025-03-01T09:12:00Z`).
    public var decidedAt: String

    public init(
        structureID: String, date: LocalDate, action: Action, start: LocalDateTime? = nil, reason: String,
        decidedBy: String? = nil, decidedAt: String
    ) {
        self.structureID = structureID
        self.date = date
        self.action = action
        self.start = start
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}
