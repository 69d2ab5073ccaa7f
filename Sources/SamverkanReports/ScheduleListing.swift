import SamverkanDomain

/// One meeting as `samverkan schedule --format json` prints it (documented in README).
public struct ScheduleEntry: Codable, Sendable, Equatable {
    public var structure: String
    /// The series' calendar UID (the same in every export).
    public var uid: String
    /// ISO 8601 with offset, e.g. `2025-02-21T09:00:00+01:00`.
    public var start: String
    public var end: String
    /// `scheduled`, `moved` or `skipped`.
    public var status: String
    /// The planned start, for moved and skipped meetings.
    public var originalStart: String?
    /// Why it was moved or skipped, in the requested language.
    public var reason: String?
    /// A stable code for the reason: a holiday (`midsummer-eve`), `weekend`, or `break`.
    public var reasonCode: String?
}

/// The whole `schedule --format json` document.
public struct ScheduleListing: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    /// The window, `YYYY-MM-DD`, both days included.
    public var from: String
    public var to: String
    /// Every meeting whose planned date lies in the window, by start.
    public var occurrences: [ScheduleEntry]
}
