internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// What `samverkan notify` decides from, in one read transaction: the register's meetings
    /// from `from` through `through`, every open action item, the minutes and cancellations of
    /// the last two years, and the current minutes not approved and recorded on or after
    /// `recordedSince` (older ones are no longer reminded of).
    public func notifyInput(today: LocalDate, from: LocalDate, through: LocalDate, recordedSince: LocalDate) throws -> NotifyInput {
        try read { db in
            let meetings = try Self.registeredMeetings(db, structureIDs: nil, from: from, through: through)
            let actions = try Self.actions(db: db, structureID: nil, before: nil, excluding: nil).filter { $0.status != .done }
            let request: SQLRequest<Row> = """
                SELECT id, structure_id, meeting_date, created_at, chair, approvers FROM minutes m
                WHERE approved_at IS NULL AND created_at >= \(recordedSince.iso) AND \(Self.current())
                ORDER BY meeting_date, id
                """
            let drafts = try request.fetchAll(db).map { row -> NotifyInput.Draft in
                let created: String = row["created_at"], date: String = row["meeting_date"]
                guard let meetingDate = LocalDate(iso: date), let recorded = LocalDate(iso: created.prefix(10)) else {
                    throw StoreError.unreadable("minutes", column: "created_at")
                }
                let approvers: String = row["approvers"]
                return NotifyInput.Draft(id: row["id"], structureID: row["structure_id"], date: meetingDate, recordedOn: recorded,
                                         signatories: [row["chair"] as String] + approvers.split(separator: "\n").map(String.init))
            }
            return NotifyInput(meetings: meetings, openActions: actions, minutes: [], drafts: drafts)
        }.with(minutes: try listMinutes(from: today.adding(days: -2 * 366)))
    }
}

extension NotifyInput {
    /// The same input with these minutes.
    func with(minutes: [MinutesSummary]) -> NotifyInput {
        var copy = self
        copy.minutes = minutes
        return copy
    }
}
