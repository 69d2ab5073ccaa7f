internal import GRDB
import SamverkanDomain
import SamverkanTime

extension AppDatabase {
    /// Reads minutes and all their parts.
    /// - Throws: ``StoreError`` naming the table and column when a stored row cannot be read.
    static func fetchMinutes(id: Int64, db: Database) throws -> Minutes? {
        guard let record = try MinutesRecord.fetchOneChecked(db, "SELECT * FROM minutes WHERE id = \(id)") else { return nil }
        var minutes = try record.minutes()
        minutes.attendance = try AttendanceRecord.fetchAllChecked(db, children(of: id)).map(\.attendance)
        minutes.organisationAttendance = try OrganisationAttendanceRecord.fetchAllChecked(db, children(of: id)).map(\.attendance)
        minutes.agenda = try AgendaCoverageRecord.fetchAllChecked(db, children(of: id)).map(\.coverage)
        minutes.items = try MinutesItemRecord.fetchAllChecked(db, children(of: id)).map(\.item)
        minutes.decisions = try DecisionRecord.fetchAllChecked(db, children(of: id)).map(\.decision)
        minutes.newActions = try ActionItemRecord.fetchAllChecked(db, children(of: id)).map(\.item)
        minutes.actionFollowUps = try ActionFollowUpRecord.fetchAllChecked(db, children(of: id)).map(\.followUp)
        minutes.activityFollowUps = try ActivityFollowUpRecord.fetchAllChecked(db, children(of: id)).map(\.followUp)
        return minutes
    }

    /// The rows of a child table of minutes, in their order.
    static func children<Record: TableRecord & FetchableRecord>(of id: Int64) -> SQLRequest<Record> {
        "SELECT * FROM \(Record.self) WHERE minutes_id = \(id) ORDER BY position"
    }

    /// SQL: the minutes of alias `minutes` count (in actions, reports, the next draft): they are
    /// not superseded by an approved correction, nor themselves a correction waiting for approval
    /// of approved minutes (see ``registerActionIdentityMigrations(_:)``).
    static func current(_ minutes: String = "m") -> SQL {
        let alias = SQL(sql: minutes)
        return "NOT EXISTS (SELECT 1 FROM minutes_chain superseded WHERE superseded.minutes_id = \(alias).id AND superseded.superseded = 1)"
    }

    /// SQL: the day the chain of minutes `minutes` was first approved (*justerad*): a correction
    /// approved later does not make a timely justering of the meeting late; outside a chain, the
    /// minutes' own `approved_on`.
    static func firstApproval(_ minutes: String = "m") -> SQL {
        let alias = SQL(sql: minutes)
        return """
            COALESCE((SELECT MIN(first.approved_on) FROM minutes_chain link
                      JOIN minutes_chain member ON member.root_id = link.root_id
                      JOIN minutes first ON first.id = member.minutes_id
                      WHERE link.minutes_id = \(alias).id), \(alias).approved_on)
            """
    }

    /// SQL: the minutes of alias `minutes` are the latest record of their chain (no correction
    /// of them exists, approved or not): what waits for approval.
    static func latestRecord(_ minutes: String = "m") -> SQL {
        let alias = SQL(sql: minutes)
        return "NOT EXISTS (SELECT 1 FROM minutes newer WHERE newer.amends_id = \(alias).id)"
    }

    /// SQL: the number (`#N`) of action item `a`: the item it continues, or its own id.
    static var actionNumber: SQL { "COALESCE(a.continues_id, a.id)" }

    /// SQL: follow-up `f` is of action item `a`, by its number: recorded against the number or
    /// against any item of a correction that keeps it (as databases before `v9-action-identity`
    /// recorded them).
    static func followUpOfAction(_ followUp: String = "f") -> SQL {
        let f = SQL(sql: followUp)
        return """
            (\(f).action_id = COALESCE(a.continues_id, a.id)
             OR \(f).action_id IN (SELECT c.id FROM action_items c WHERE c.continues_id = COALESCE(a.continues_id, a.id)))
            """
    }

    /// SQL: a column of the latest follow-up of action item `a` at a current meeting `fm` that
    /// passes `filter`, or NULL when there is none.
    static func latestFollowUp(_ column: String, where filter: SQL) -> SQL {
        """
        (SELECT f.\(SQL(sql: column)) FROM action_follow_ups f JOIN minutes fm ON fm.id = f.minutes_id
         WHERE \(followUpOfAction()) AND \(filter) AND \(current("fm"))
         ORDER BY fm.meeting_date DESC, fm.id DESC LIMIT 1)
        """
    }
}
