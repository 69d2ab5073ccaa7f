import GRDB
import SamverkanDomain

extension AppDatabase {
    /// The meetings held and cancelled in a period, summed per structure in SQL, and the action
    /// items decided in it with their status on `asOf`, for the follow-up reports. Amended minutes
    /// count through their latest amendment. Everything is read in one read transaction.
    public func history(from: LocalDate, through: LocalDate, asOf: LocalDate) throws -> MeetingHistory {
        try writer.read { db in
            // A report reads much of the file once: a larger page cache saves re-reading index pages.
            try db.execute(sql: "PRAGMA cache_size = -32768")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            var history = MeetingHistory(cancellations: try Self.cancellations(db, from: from, through: through))
            try Self.readMeetings(db, from: from, through: through, into: &history)
            try Self.readSums(db, from: from, through: through, asOf: asOf, into: &history.totals)
            return history
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

    /// `julianday` of 1970-01-01, the epoch of `LocalDate.dayNumber`.
    static let epoch = "2440587.5"

    /// The period's current minutes: dates for matching, meetings and approval delays per structure.
    static func readMeetings(_ db: Database, from: LocalDate, through: LocalDate, into history: inout MeetingHistory) throws {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT m.structure_id, CAST(julianday(m.meeting_date) - \(epoch) AS INTEGER),
                   CAST(julianday(m.planned_date) - \(epoch) AS INTEGER),
                   CAST(julianday(m.approved_on) - julianday(m.meeting_date) AS INTEGER)
            FROM minutes m
            WHERE m.meeting_date BETWEEN ? AND ? AND \(current)
            """, arguments: [from.iso, through.iso])
        while let row = try cursor.next() {
            let structure: String = row[0]
            history.meetings.append(HeldMeeting(structureID: structure, date: LocalDate(dayNumber: row[1]),
                                                plannedDate: (row[2] as Int?).map(LocalDate.init(dayNumber:))))
            history.totals[structure, default: MeetingTotals()].meetings += 1
            if let days = row[3] as Int? { history.totals[structure, default: MeetingTotals()].approvalDays[max(0, days), default: 0] += 1 }
        }
    }

    /// Covered standing items, attendance and action items, summed per structure in SQL.
    static func readSums(_ db: Database, from: LocalDate, through: LocalDate, asOf: LocalDate,
                         into totals: inout [String: MeetingTotals]) throws {
        // CROSS JOIN keeps the period's minutes (by the date index) as the outer loop, so a short
        // period reads only its own rows instead of scanning the child tables.
        let period = "m.meeting_date BETWEEN ? AND ? AND \(current)"
        let present = "(a.present = 1 OR a.substitute <> '')"
        let arguments: StatementArguments = [from.iso, through.iso]
        for row in try Row.fetchAll(db, sql: """
            SELECT m.structure_id, g.agenda_item_id, COUNT(*) FROM minutes m CROSS JOIN minutes_agenda g ON g.minutes_id = m.id
            WHERE \(period) AND g.covered = 1 GROUP BY 1, 2
            """, arguments: arguments) {
            totals[row[0], default: MeetingTotals()].covered[row[1]] = row[2]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT m.structure_id, a.organisation_id, COUNT(DISTINCT m.id) FROM minutes m CROSS JOIN minutes_attendance a ON a.minutes_id = m.id
            WHERE \(period) AND \(present) GROUP BY 1, 2
            """, arguments: arguments) {
            totals[row[0], default: MeetingTotals()].organisationsPresent[row[1]] = row[2]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT structure_id, region, municipality, COUNT(*) FROM (
                SELECT m.structure_id, MAX(a.principal = 'region' AND \(present)) AS region,
                       MAX(a.principal = 'municipality' AND \(present)) AS municipality
                FROM minutes m LEFT JOIN minutes_attendance a ON a.minutes_id = m.id
                WHERE \(period) GROUP BY m.id)
            GROUP BY 1, 2, 3
            """, arguments: arguments) {
            var sides = Set<Principal>()
            if (row[1] as Bool?) == true { sides.insert(.region) }
            if (row[2] as Bool?) == true { sides.insert(.municipality) }
            totals[row[0], default: MeetingTotals()].sidesPresent[sides] = row[3]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT structure_id, COUNT(*), COALESCE(SUM(status IS 'done'), 0), COALESCE(SUM(status IS NOT 'done' AND due < ?), 0) FROM (
                SELECT a.structure_id, a.due, \(latestFollowUp("status", where: "fm.meeting_date <= ?")) AS status
                FROM minutes m CROSS JOIN action_items a ON a.minutes_id = m.id
                WHERE \(period))
            GROUP BY 1
            """, arguments: [asOf.iso, asOf.iso, from.iso, through.iso]) {
            totals[row[0], default: MeetingTotals()].actionsCreated = row[1]
            totals[row[0], default: MeetingTotals()].actionsDone = row[2]
            totals[row[0], default: MeetingTotals()].actionsOverdue = row[3]
        }
    }

    static func cancellations(_ db: Database, from: LocalDate, through: LocalDate) throws -> [CancellationRecord] {
        try Row.fetchAll(db, sql: """
            SELECT structure_id, meeting_date, reason FROM cancelled_meetings
            WHERE meeting_date BETWEEN ? AND ? ORDER BY structure_id, meeting_date
            """, arguments: [from.iso, through.iso]).map {
            CancellationRecord(structureID: $0["structure_id"], date: date($0["meeting_date"]), reason: $0["reason"])
        }
    }
}
