import SamverkanDomain

/// One meeting as `samverkan schedule --format json` prints it (documented in README).
public struct ScheduleEntry: Codable, Sendable, Equatable {
    public var structure: String
    /// The series' calendar UID (the same in every export).
    public var uid: String
    /// ISO 8601 with offset, e.g. `2025-02-21T09:00:00+01:00`.
    public var start: String
    public var end: String
    /// `scheduled`, `moved`, `skipped` (a holiday or break), `cancelled` (a coordinator's
    /// decision) or `extra`.
    public var status: String
    /// The planned start, for moved, skipped and cancelled meetings.
    public var originalStart: String?
    /// Why it was moved, skipped, cancelled or added: the holiday or break in the requested
    /// language, or the coordinator's reason.
    public var reason: String?
    /// A stable code for the reason: a holiday (`midsummer-eve`), `weekend`, `break`, or a
    /// coordinator's decision (`decision-cancel`, `decision-move`, `decision-add`).
    public var reasonCode: String?
    /// Who made the decision (a configured name), when one was recorded.
    public var decidedBy: String?
    /// When the decision was made (ISO 8601 UTC).
    public var decidedAt: String?
}

/// The whole `schedule --format json` document.
public struct ScheduleListing: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    /// The window, `YYYY-MM-DD`, both days included.
    public var from: String
    public var to: String
    /// Every meeting of the register whose planned date lies in the window, by start.
    public var occurrences: [ScheduleEntry]
}
