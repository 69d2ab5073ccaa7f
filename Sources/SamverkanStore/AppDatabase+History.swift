import GRDB
import SamverkanDomain

extension AppDatabase {
    /// The meetings held and cancelled in a period, and the action items decided in it with their
    /// status on `asOf`, for the follow-up reports. Amended minutes count through their latest
    /// amendment. Each list is read with one query, in one read transaction.
    public func history(from: LocalDate, through: LocalDate, asOf: LocalDate) throws -> MeetingHistory {
        try writer.read { db in
            MeetingHistory(meetings: try Self.meetingRecords(db, from: from, through: through),
                           cancellations: try Self.cancellations(db, from: from, through: through),
                           actions: try Self.actionRecords(db, from: from, through: through, asOf: asOf))
        }
    }

    /// The latest follow-up of every action-plan activity at a meeting on or before a day.
    public func activityFollowUps(through: LocalDate) throws -> [ActivityRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.structure_id, f.activity_id, m.meeting_date, f.status, f.comment
                FROM activity_follow_ups f JOIN minutes m ON m.id = f.minutes_id
                WHERE m.meeting_date <= ? AND \(Self.current)
                ORDER BY m.meeting_date, m.id
                """, arguments: [through.iso]).reduce(into: [String: ActivityRecord]()) { latest, row in
                let record = ActivityRecord(structureID: row["structure_id"], activityID: row["activity_id"],
                                            date: Self.date(row["meeting_date"]),
                                            status: ActivityStatus(rawValue: row["status"]) ?? .notStarted,
                                            comment: row["comment"])
                latest[record.structureID + "\u{1F}" + record.activityID] = record
            }.values.sorted { ($0.structureID, $0.activityID) < ($1.structureID, $1.activityID) }
        }
    }

    static func meetingRecords(_ db: Database, from: LocalDate, through: LocalDate) throws -> [MeetingRecord] {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT m.structure_id, m.meeting_date, m.planned_date, m.approved_on,
                   (SELECT group_concat(a.principal || ' ' || a.organisation_id, char(31)) FROM minutes_attendance a
                    WHERE a.minutes_id = m.id AND (a.present = 1 OR COALESCE(a.substitute, '') <> '')) AS present,
                   (SELECT group_concat(g.agenda_item_id, char(31)) FROM minutes_agenda g
                    WHERE g.minutes_id = m.id AND g.covered = 1) AS covered
            FROM minutes m
            WHERE m.meeting_date BETWEEN ? AND ? AND \(current)
            ORDER BY m.structure_id, m.meeting_date
            """, arguments: [from.iso, through.iso])
        var result: [MeetingRecord] = []
        while let row = try cursor.next() {
            var record = MeetingRecord(structureID: row["structure_id"], date: date(row["meeting_date"]),
                                       plannedDate: (row["planned_date"] as String?).flatMap { LocalDate(iso: $0) },
                                       approvedOn: (row["approved_on"] as String?).flatMap { LocalDate(iso: $0) })
            if let present = row["present"] as String? {
                for entry in present.split(separator: "\u{1F}") {
                    guard let space = entry.firstIndex(of: " ") else { continue }
                    if let principal = Principal(rawValue: String(entry[..<space])) { record.presentPrincipals.insert(principal) }
                    record.presentOrganisations.insert(String(entry[entry.index(after: space)...]))
                }
            }
            if let covered = row["covered"] as String? {
                record.coveredItems = Set(covered.split(separator: "\u{1F}").map(String.init))
            }
            result.append(record)
        }
        return result
    }

    static func cancellations(_ db: Database, from: LocalDate, through: LocalDate) throws -> [CancellationRecord] {
        try Row.fetchAll(db, sql: """
            SELECT structure_id, meeting_date, reason FROM cancelled_meetings
            WHERE meeting_date BETWEEN ? AND ? ORDER BY structure_id, meeting_date
            """, arguments: [from.iso, through.iso]).map {
            CancellationRecord(structureID: $0["structure_id"], date: date($0["meeting_date"]), reason: $0["reason"])
        }
    }

    static func actionRecords(_ db: Database, from: LocalDate, through: LocalDate, asOf: LocalDate) throws -> [ActionRecord] {
        try Row.fetchAll(db, sql: """
            SELECT a.structure_id, m.meeting_date AS decided_on, a.due,
                   (SELECT f.status FROM action_follow_ups f JOIN minutes fm ON fm.id = f.minutes_id
                    WHERE f.action_id = a.id AND fm.meeting_date <= ?
                      AND NOT EXISTS (SELECT 1 FROM minutes newer WHERE newer.amends_id = fm.id)
                    ORDER BY fm.meeting_date DESC, fm.id DESC LIMIT 1) AS status
            FROM action_items a JOIN minutes m ON m.id = a.minutes_id
            WHERE m.meeting_date BETWEEN ? AND ? AND \(current)
            ORDER BY a.structure_id, m.meeting_date, a.id
            """, arguments: [asOf.iso, from.iso, through.iso]).map {
            ActionRecord(structureID: $0["structure_id"], decidedOn: date($0["decided_on"]), due: date($0["due"]),
                         status: ($0["status"] as String?).flatMap(ActionStatus.init(rawValue:)) ?? .notStarted)
        }
    }
}
