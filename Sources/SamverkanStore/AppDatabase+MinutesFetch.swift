import GRDB
import SamverkanDomain
import SamverkanTime

extension AppDatabase {
    /// Reads minutes and all their parts.
    static func fetchMinutes(id: Int64, db: Database) throws -> Minutes? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM minutes WHERE id = ?", arguments: [id]) else { return nil }
        var minutes = Minutes(
            id: row["id"], structureID: row["structure_id"], date: date(row["meeting_date"]),
            time: (row["meeting_time"] as String?).flatMap { LocalTime(text: $0) },
            plannedDate: (row["planned_date"] as String?).flatMap { LocalDate(iso: $0) },
            place: row["place"], chair: row["chair"], secretary: row["secretary"],
            approvers: lines(row["approvers"]), previousApproved: row["previous_approved"],
            amends: row["amends_id"], createdAt: row["created_at"])
        if let recordedAt = row["approved_at"] as String? {
            minutes.approval = Approval(by: lines(row["approved_by"]), date: date(row["approved_on"]),
                                        recordedAt: recordedAt, contentHash: row["content_hash"])
        }
        minutes.attendance = try Row.fetchAll(db, sql: "SELECT * FROM minutes_attendance WHERE minutes_id = ? ORDER BY position", arguments: [id]).map {
            Attendance(personID: $0["person_id"], organisationID: $0["organisation_id"],
                       principal: Principal(rawValue: $0["principal"]) ?? .other, present: $0["present"], substitute: $0["substitute"])
        }
        minutes.agenda = try Row.fetchAll(db, sql: "SELECT * FROM minutes_agenda WHERE minutes_id = ? ORDER BY position", arguments: [id]).map {
            AgendaCoverage(itemID: $0["agenda_item_id"], covered: $0["covered"], notes: $0["notes"])
        }
        minutes.items = try Row.fetchAll(db, sql: "SELECT * FROM minutes_items WHERE minutes_id = ? ORDER BY position", arguments: [id]).map {
            FreeAgendaItem(title: $0["title"], notes: $0["notes"])
        }
        minutes.decisions = try Row.fetchAll(db, sql: "SELECT * FROM decisions WHERE minutes_id = ? ORDER BY position", arguments: [id]).map {
            Decision(number: $0["number"], text: $0["text"], inherited: $0["inherited"])
        }
        minutes.newActions = try Row.fetchAll(db, sql: "SELECT * FROM action_items WHERE minutes_id = ? ORDER BY position", arguments: [id]).map(action)
        minutes.actionFollowUps = try Row.fetchAll(db, sql: "SELECT * FROM action_follow_ups WHERE minutes_id = ? ORDER BY position", arguments: [id]).map {
            ActionFollowUp(actionID: $0["action_id"], status: ActionStatus(rawValue: $0["status"]) ?? .notStarted, comment: $0["comment"])
        }
        minutes.activityFollowUps = try Row.fetchAll(db, sql: "SELECT * FROM activity_follow_ups WHERE minutes_id = ? ORDER BY position", arguments: [id]).map {
            ActivityFollowUp(activityID: $0["activity_id"], status: ActivityStatus(rawValue: $0["status"]) ?? .notStarted, comment: $0["comment"])
        }
        return minutes
    }

    static func action(_ row: Row) -> ActionItem {
        ActionItem(id: row["id"], text: row["text"],
                   responsible: Responsible(kind: Responsible.Kind(rawValue: row["responsible_kind"]) ?? .person, id: row["responsible_id"]),
                   due: date(row["due"]))
    }

    static func date(_ text: String?) -> LocalDate {
        text.flatMap { LocalDate(iso: $0) } ?? LocalDate(year: 1970, month: 1, day: 1)!
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(separator: "\n").map(String.init)
    }

    /// SQL: the minutes of alias `minutes` are not corrected by a later amendment.
    static func current(_ minutes: String = "m") -> String {
        "NOT EXISTS (SELECT 1 FROM minutes newer WHERE newer.amends_id = \(minutes).id)"
    }

    /// SQL: a column of the latest follow-up of action item `a` at a current meeting `fm` that
    /// passes `filter`, or NULL when there is none.
    static func latestFollowUp(_ column: String, where filter: String) -> String {
        """
        (SELECT f.\(column) FROM action_follow_ups f JOIN minutes fm ON fm.id = f.minutes_id
         WHERE f.action_id = a.id AND \(filter) AND \(current("fm"))
         ORDER BY fm.meeting_date DESC, fm.id DESC LIMIT 1)
        """
    }
}
