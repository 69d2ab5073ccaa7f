import Foundation

/// One row of the audit log (`audit_log`, migration `v12-audit`): who wrote what, when.
///
/// The log is append-only in the database itself. It names the database user, the configured
/// person given with `--as` (if any), an action code, what was written (``AuditTarget``) and a
/// short detail from a fixed vocabulary: never a token, never text from the minutes.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// The row's number, in the order of writing.
    public var id: Int64
    /// When, as an ISO 8601 UTC timestamp (`2025-04-11T08:12:03.120Z`).
    public var at: String
    /// The database user: for the embedded SQLite store the operating-system user running
    /// samverkan; for PostgreSQL `current_user`.
    public var databaseUser: String
    /// The configured person id given with `--as` (or `SAMVERKAN_AS`), nil without.
    public var person: String?
    /// What was done (``AuditAction``'s raw value; kept as text so a code a later version adds
    /// still reads).
    public var action: String
    /// What was written, as ``AuditTarget/text``.
    public var target: String
    /// `key=value` pairs separated by spaces, from a fixed vocabulary (`amends=3`, `signatures=2`).
    public var detail: String?

    /// A row as read back from the log (either engine's).
    public init(id: Int64, at: String, databaseUser: String, person: String?, action: String, target: String, detail: String?) {
        self.id = id
        self.at = at
        self.databaseUser = databaseUser
        self.person = person
        self.action = action
        self.target = target
        self.detail = detail
    }

    /// The detail's `key=value` pairs.
    public var details: [String: String] {
        var result: [String: String] = [:]
        for pair in (detail ?? "").split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }

    /// Now, as the log records it: ISO 8601 UTC with milliseconds.
    public static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}

/// What a write did, as recorded in the audit log.
public enum AuditAction: String, Sendable, CaseIterable {
    case minutesSaved = "minutes.saved"
    case minutesAmended = "minutes.amended"
    case minutesSigned = "minutes.signed"
    case minutesApproved = "minutes.approved"
    case minutesImported = "minutes.imported"
    case minutesCancelled = "minutes.cancelled"
    case meetingCancelled = "meeting.cancelled"
    case meetingMoved = "meeting.moved"
    case meetingAdded = "meeting.added"
    case meetingRestored = "meeting.restored"
    case feedsCreated = "feeds.created"
    case feedsRevoked = "feeds.revoked"
    case databaseCopied = "db.copied"
}

/// What a write was about: minutes by id, a meeting by structure and date, a feed by id, or the
/// whole database (a copy). Never a token, never free text.
public enum AuditTarget: Sendable, Hashable {
    case minutes(Int64)
    case meeting(structureID: String, date: String)
    case feed(Int64)
    case database

    /// As stored: `minutes/12`, `meeting/rug/2025-03-12`, `feed/3`, `database`.
    public var text: String {
        switch self {
        case .minutes(let id): "minutes/\(id)"
        case .meeting(let structureID, let date): "meeting/\(structureID)/\(date)"
        case .feed(let id): "feed/\(id)"
        case .database: "database"
        }
    }

    /// The minutes a stored target names, or nil.
    public static func minutesID(_ text: String) -> Int64? {
        text.hasPrefix("minutes/") ? Int64(text.dropFirst("minutes/".count)) : nil
    }
}

/// Who the store's writes are recorded as done by: the database user (for SQLite the
/// operating-system user running the process) and the configured person, if one was given.
public struct AuditActor: Sendable, Hashable {
    /// The configured person id (`--as`), nil when none was given.
    public var person: String?

    public init(person: String?) {
        self.person = person
    }

    /// The operating-system user running this process: the embedded store's database user.
    public static let databaseUser: String = {
        let name = ProcessInfo.processInfo.userName
        if !name.isEmpty { return name }
        return ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "uid \(getuid())"
    }()
}
