import GRDB
import SamverkanDomain
import SamverkanTime

extension AppDatabase {
    /// The period's minutes but those `corrected`, one row each with its summary columns, from
    /// the covering index `minutes_report`: the dates for matching, and per structure the
    /// meetings, approval delays, sides and organisations present and covered items.
    /// - Returns: the day number of every current meeting from `from` up to the later of
    ///   `through` and `asOf` (by minutes id), for ``readActions(_:from:through:asOf:meetingDays:scanning:into:)``.
    static func readMeetings(_ db: Database, from: LocalDate, through: LocalDate, asOf: LocalDate, skipping corrected: Set<Int64>,
                             into history: inout MeetingHistory) throws -> [Int64: Int] {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT m.id, m.structure_id, m.meeting_date, m.planned_date, m.approved_on,
                   m.present_sides, m.present_organisations, m.covered_items
            FROM minutes m INDEXED BY minutes_report WHERE m.meeting_date BETWEEN ? AND ?
            """, arguments: [from.iso, max(through, asOf).iso])
        var summaries: [String: MinutesSummaryCounts] = [:]
        var days: [Int64: Int] = [:]
        let last = through.dayNumber
        while let row = try cursor.next() {
            let id: Int64 = row[0]
            guard !corrected.contains(id) else { continue }
            let date = Self.date(row[2])
            days[id] = date.dayNumber
            guard date.dayNumber <= last else { continue }
            let structure: String = row[1]
            history.meetings.append(HeldMeeting(structureID: structure, date: date,
                                                plannedDate: (row[3] as String?).flatMap { LocalDate(iso: $0) }))
            let approvalDays = (row[4] as String?).flatMap { LocalDate(iso: $0) }.map { date.days(to: $0) }
            summaries[structure, default: MinutesSummaryCounts()].add(approvalDays: approvalDays, sides: row[5],
                                                                      organisations: row[6], items: row[7])
        }
        for (structure, summary) in summaries { summary.add(to: &history.totals[structure, default: MeetingTotals()]) }
        return days
    }

    /// The action items decided at the period's meetings, each with its status on `asOf`: the
    /// status of its latest follow-up at a current meeting from the day it was decided up to
    /// `asOf` (as `samverkan actions` has it).
    ///
    /// SQLite has no hash join. When the period holds a large share of all minutes, reading
    /// every action item and follow-up once from their covering indexes costs less than a
    /// lookup per meeting (`scanning`); for a short period the lookups read only its rows. Either
    /// way the rows are matched here against the meetings' days, so both give the same result.
    static func readActions(_ db: Database, from: LocalDate, through: LocalDate, asOf: LocalDate, meetingDays days: [Int64: Int],
                            scanning: Bool, into totals: inout [String: MeetingTotals]) throws {
        let last = through.dayNumber, judged = asOf.dayNumber
        /// The rows of a child table keyed by `minutes_id`: all, or those of the meetings in a range.
        func rows(_ table: String, _ columns: String, through end: LocalDate) throws -> RowCursor {
            if scanning {
                return try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table) INDEXED BY \(table)_report")
            }
            return try Row.fetchCursor(db, sql: """
                SELECT \(columns) FROM minutes m INDEXED BY minutes_report
                CROSS JOIN \(table) INDEXED BY \(table)_report ON \(table).minutes_id = m.id WHERE m.meeting_date BETWEEN ? AND ?
                """, arguments: [from.iso, end.iso])
        }
        var items: [Int64: (structure: String, decided: Int, due: String)] = [:]
        let decided = try rows("action_items", "action_items.minutes_id, action_items.id, action_items.structure_id, action_items.due",
                               through: through)
        while let row = try decided.next() {
            guard let day = days[row[0]], day <= last else { continue }
            items[row[1]] = (row[2], day, row[3])
        }
        guard !items.isEmpty else { return }
        // The latest follow-up of each: by meeting day, then minutes id.
        var latest: [Int64: (day: Int, minutes: Int64, done: Bool)] = [:]
        let followUps = try rows("action_follow_ups", "action_follow_ups.minutes_id, action_follow_ups.action_id, action_follow_ups.status = 'done'",
                                 through: asOf)
        while let row = try followUps.next() {
            let minutes: Int64 = row[0], action: Int64 = row[1]
            guard let day = days[minutes], day <= judged, let item = items[action], day >= item.decided else { continue }
            if let known = latest[action], (known.day, known.minutes) > (day, minutes) { continue }
            latest[action] = (day, minutes, row[2])
        }
        let day = asOf.iso
        for (id, item) in items {
            let done = latest[id]?.done ?? false
            totals[item.structure, default: MeetingTotals()].addAction(done: done, overdue: !done && item.due < day)
        }
    }
}
