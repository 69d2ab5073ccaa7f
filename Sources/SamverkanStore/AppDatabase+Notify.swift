internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// What `samverkan notify` decides from: the register's meetings from `from` through
    /// `through`, every open action item, each structure's (with a meeting in the window) latest
    /// current minutes before `through` and the minutes and cancellations from `from`, the current minutes not
    /// approved of meetings held on or after `heldSince` (older ones are no longer reminded of)
    /// and every correction waiting for approval (it waits from the day it was saved), with their
    /// signatures, and the approval reminders sent so far.
    /// `heldThrough` is the last meeting day of minutes that have waited long enough to be
    /// reminded of (today less the shortest `approval-days`, less one); nil: any.
    public func notifyInput(
        today: LocalDate, from: LocalDate, through: LocalDate, heldSince: LocalDate,
        heldThrough: LocalDate? = nil
    ) throws -> NotifyInput {
        try read { db in
            let meetings = try Self.registeredMeetings(db, structureIDs: nil, from: from, through: through)
            let actions = try Self.openActionItems(db)
            // The latest current minutes before the notices' last day of each structure with a
            // meeting in the window (the previous minutes' status), one index lookup each with
            // one prepared statement (thousands of structures at national scale).
            var latest: [MinutesSummary] = []
            for structureID in Set(meetings.map(\.structureID)).sorted() {
                let request = SQLRequest<Row>(
                    literal: """
                        SELECT id, meeting_date, approved_on FROM minutes m
                        WHERE structure_id = \(structureID) AND meeting_date < \(through.iso) AND \(Self.current())
                        ORDER BY meeting_date DESC, id DESC LIMIT 1
                        """, cached: true)
                guard let row = try request.fetchOne(db), let date = LocalDate(iso: row["meeting_date"] as String) else { continue }
                let approved = (row["approved_on"] as String?) != nil
                latest.append(MinutesSummary(id: row["id"], structureID: structureID, date: date, status: approved ? .approved : .draft))
            }
            let request: SQLRequest<Row> = """
                SELECT id, structure_id, meeting_date, created_at, chair, approvers, amends_id FROM minutes m
                WHERE approved_at IS NULL AND \(Self.latestRecord())
                  AND (meeting_date >= \(heldSince.iso) AND meeting_date <= \((heldThrough ?? LocalDate(year: 9999, month: 1, day: 1)!).iso)
                       -- A correction waits from the day it was saved (Justering.waitingSince): the planner decides.
                       OR amends_id IS NOT NULL)
                ORDER BY meeting_date, id
                """
            let drafts = try request.fetchAll(db).map { row -> NotifyInput.Draft in
                let created: String = row["created_at"]
                let date: String = row["meeting_date"]
                guard let meetingDate = LocalDate(iso: date), let recorded = LocalDate(iso: created.prefix(10)) else {
                    throw StoreError.unreadable("minutes", column: "created_at")
                }
                let approvers: String = row["approvers"]
                let id: Int64 = row["id"]
                return NotifyInput.Draft(
                    id: id, structureID: row["structure_id"], date: meetingDate, recordedOn: recorded,
                    signatories: [row["chair"] as String] + approvers.split(separator: "\n").map(String.init),
                    signed: try Self.fetchSignatures(minutesID: id, db: db).map(\.name), amends: row["amends_id"])
            }
            return NotifyInput(
                meetings: meetings, openActions: actions, minutes: latest, drafts: drafts,
                remindedApprovals: try Self.remindedApprovals(db))
        }.adding(minutes: try listMinutes(from: from))
    }
}

extension AppDatabase {
    /// The approval reminders sent or being sent, as `minutes id/round/address`: read from the
    /// item of each message (`#7/1,#9/2`), or from the key of one message per minutes
    /// (`approval|7|address|1`, as earlier versions wrote them).
    static func remindedApprovals(_ db: Database) throws -> Set<String> {
        var result: Set<String> = []
        let rows = try Row.fetchAll(
            db, sql: "SELECT key, recipient, item FROM mail_log WHERE kind = 'approval' AND status IN ('sent', 'sending')")
        for row in rows {
            ApprovalReminders.add(key: row["key"], recipient: row["recipient"], item: row["item"], to: &result)
        }
        return result
    }
}

extension NotifyInput {
    /// The same input with these minutes as well.
    public func adding(minutes more: [MinutesSummary]) -> NotifyInput {
        var copy = self
        copy.minutes += more
        return copy
    }
}
