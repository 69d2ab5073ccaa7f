internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// What `samverkan notify` decides from: the register's meetings from `from` through
    /// `through`, every open action item, each structure's (with a meeting in the window) latest
    /// current minutes before `through` and the minutes and cancellations from `from`, and the current minutes not
    /// approved and recorded on or after `recordedSince` (older ones are no longer reminded of).
    public func notifyInput(today: LocalDate, from: LocalDate, through: LocalDate, recordedSince: LocalDate) throws -> NotifyInput {
        try read { db in
            let meetings = try Self.registeredMeetings(db, structureIDs: nil, from: from, through: through)
            let actions = try Self.actions(db: db, structureID: nil, before: nil, excluding: nil, openOnly: true)
                .filter { $0.status != .done }
            // The latest current minutes before the notices' last day of each structure with a
            // meeting in the window (the previous minutes' status), one index lookup each.
            var latest: [MinutesSummary] = []
            for structureID in Set(meetings.map(\.structureID)).sorted() {
                let request: SQLRequest<Row> = """
                    SELECT id, meeting_date, approved_on FROM minutes m
                    WHERE structure_id = \(structureID) AND meeting_date < \(through.iso) AND \(Self.current())
                    ORDER BY meeting_date DESC, id DESC LIMIT 1
                    """
                guard let row = try request.fetchOne(db), let date = LocalDate(iso: row["meeting_date"] as String) else { continue }
                let approved = (row["approved_on"] as String?) != nil
                latest.append(MinutesSummary(id: row["id"], structureID: structureID, date: date, status: approved ? .approved : .draft))
            }
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
            return NotifyInput(meetings: meetings, openActions: actions, minutes: latest, drafts: drafts)
        }.adding(minutes: try listMinutes(from: from))
    }
}

extension NotifyInput {
    /// The same input with these minutes as well.
    func adding(minutes more: [MinutesSummary]) -> NotifyInput {
        var copy = self
        copy.minutes += more
        return copy
    }
}
