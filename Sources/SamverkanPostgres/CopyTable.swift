/// The tables `samverkan db copy` copies, parents before children, so rows can be inserted in
/// this order and deleted in the reverse.
///
/// A table added by a new migration needs its PostgreSQL migration and an entry here; its columns
/// are read from the source. A copy refuses a database with a table that is not listed.
public struct CopyTable: Sendable, Equatable {
    public let name: String
    /// Rows a migration puts in (the one `register_revision` row): they do not make a database
    /// non-empty, and a copy replaces them.
    public let seeded: Bool

    init(_ name: String, seeded: Bool = false) {
        self.name = name
        self.seeded = seeded
    }

    /// Every table, in insertion order.
    public static let order: [CopyTable] = [
        CopyTable("calendar_series"),
        CopyTable("minutes"),
        CopyTable("minutes_chain"),
        CopyTable("minutes_signatures"),
        CopyTable("minutes_organisation_attendance"),
        CopyTable("minutes_attendance"),
        CopyTable("minutes_agenda"),
        CopyTable("minutes_items"),
        CopyTable("decisions"),
        CopyTable("action_items"),
        CopyTable("action_follow_ups"),
        CopyTable("activity_follow_ups"),
        CopyTable("minutes_search"),
        CopyTable("approval_chain"),
        CopyTable("meeting_decisions"),
        CopyTable("meetings"),
        CopyTable("register_structures"),
        CopyTable("mail_log"),
        CopyTable("feeds"),
        CopyTable("register_revision", seeded: true),
        CopyTable("audit_log"),
    ]

    /// The listed table of a name, if any.
    static func named(_ name: String) -> CopyTable? {
        order.first { $0.name == name }
    }
}
