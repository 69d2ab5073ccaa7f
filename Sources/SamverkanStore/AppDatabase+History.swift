internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// The meetings held and cancelled in a period, summed per structure, and the action items
    /// decided in it with their status on `asOf`, for the follow-up reports. Amended minutes
    /// count through their latest amendment. Everything is read in one read transaction, from
    /// covering indexes and the minutes' summary columns (see ``registerSummaryMigrations(_:)``):
    /// one index entry per meeting, and per action item and follow-up of the period (or of the
    /// whole database, when that is cheaper), so ten years of national minutes read in a second
    /// or two.
    public func history(from: LocalDate, through: LocalDate, asOf: LocalDate) throws -> MeetingHistory {
        try history(from: from, through: through, asOf: asOf, scanning: nil)
    }

    /// ``history(from:through:asOf:)``, reading the action tables whole (`scanning`) or by runs
    /// of the meetings' ids as asked, or (nil) as is cheaper; tests compare the two.
    func history(from: LocalDate, through: LocalDate, asOf: LocalDate, scanning: Bool?) throws -> MeetingHistory {
        try read { db in try Self.history(db, from: from, through: through, asOf: asOf, scanning: scanning) }
    }

    /// The history, in the caller's read transaction.
    static func history(_ db: Database, from: LocalDate, through: LocalDate, asOf: LocalDate, scanning: Bool?) throws -> MeetingHistory {
        // A report reads much of the file once: a larger page cache (8 MB) saves re-reading
        // index pages; more gains nothing measurable and costs its size in peak memory.
        try db.execute(sql: "PRAGMA cache_size = -8192")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
        // Corrections are few: leaving out the records that do not count (corrected by an
        // approved correction, or a correction waiting for approval) here is cheaper than asking
        // for every row whether it counts.
        let corrected = Set(try Int64.fetchAll(db, sql: "SELECT minutes_id FROM minutes_chain WHERE superseded = 1"))
        var history = MeetingHistory(cancellations: try Self.cancellations(db, from: from, through: through))
        // The latest record of a chain that does not count is a correction waiting for approval.
        // CROSS JOIN keeps the few chain rows outermost: left to itself SQLite walks the period's
        // minutes (10 ms for a national year) to find none.
        history.pendingCorrections =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM minutes_chain c CROSS JOIN minutes m ON m.id = c.minutes_id
                    WHERE c.superseded = 1 AND m.meeting_date BETWEEN ? AND ?
                      AND NOT EXISTS (SELECT 1 FROM minutes n WHERE n.amends_id = m.id)
                    """, arguments: [from.iso, through.iso]) ?? 0
        let days = try Self.readMeetings(db, from: from, through: through, asOf: asOf, skipping: corrected, into: &history)
        // Scan the action tables when the period holds over a quarter of all minutes (their
        // number estimated by the largest id, one index step instead of counting every row).
        let all = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM minutes") ?? 0
        try Self.readActions(
            db, from: from, through: through, asOf: asOf, meetingDays: days,
            scanning: scanning ?? (days.count * 4 > all), into: &history.totals)
        return history
    }

    /// The latest follow-up of every action-plan activity at a meeting on or before a day.
    public func activityFollowUps(through: LocalDate) throws -> [ActivityRecord] {
        try read { db in
            try ActivityReportRow.fetchAllChecked(
                db,
                """
                SELECT m.structure_id, f.activity_id, m.meeting_date, f.status, f.comment
                FROM activity_follow_ups f JOIN minutes m ON m.id = f.minutes_id
                WHERE m.meeting_date <= \(through.iso) AND \(Self.current())
                ORDER BY m.meeting_date, m.id
                """
            ).reduce(into: [String: ActivityRecord]()) { latest, row in
                let record = row.record
                latest[record.structureID + "\u{1F}" + record.activityID] = record
            }.values.sorted { ($0.structureID, $0.activityID) < ($1.structureID, $1.activityID) }
        }
    }

    /// The period's cancelled meetings. A hand-written cursor like the report's other bulk
    /// reads (ten national years hold some 10,000), each column read checked.
    static func cancellations(_ db: Database, from: LocalDate, through: LocalDate) throws -> [CancellationRecord] {
        let table = CancelledMeetingRecord.databaseTableName
        let cursor = try SQLRequest<Row>(
            """
            SELECT structure_id, meeting_date, reason FROM cancelled_meetings
            WHERE meeting_date BETWEEN \(from.iso) AND \(through.iso) ORDER BY structure_id, meeting_date
            """
        ).fetchCursor(db)
        var result: [CancellationRecord] = []
        while let row = try cursor.next() {
            result.append(
                CancellationRecord(
                    structureID: try row.checked(0, table, "structure_id"),
                    date: try row.checkedDate(1, table, "meeting_date"),
                    reason: try row.checked(2, table, "reason")))
        }
        return result
    }
}
