internal import GRDB
import SamverkanDomain
import SamverkanTime

/// The report's bulk reads (up to ~180,000 minutes and their action rows for ten national
/// years) stay hand-written cursors over `Row` instead of record decoding: a `Codable` record
/// a row costs several times the read itself here. Every column is still read checked
/// (`Row.checked`, `Row.checkedDate` in `StoreError.swift`): NULL, a value of
/// another type or a malformed date throws a ``StoreError`` naming table and column, never a
/// default.
extension AppDatabase {
    /// The period's minutes but those `corrected`, one row each with its summary columns, from
    /// the covering index `minutes_report`: the dates for matching, and per structure the
    /// meetings, approval delays (to the chain's first approval), sides and organisations present and covered items. Texts that
    /// repeat (structure ids, the summary lists) are numbered by their bytes (``ByteInterner``,
    /// ``SummaryLists``), not hashed as `String` keys.
    /// - Returns: the day number of every current meeting from `from` up to the later of
    ///   `through` and `asOf` (by minutes id), for ``readActions(_:from:through:asOf:meetingDays:scanning:into:)``.
    static func readMeetings(
        _ db: Database, from: LocalDate, through: LocalDate, asOf: LocalDate, skipping corrected: Set<Int64>,
        into history: inout MeetingHistory
    ) throws -> MeetingDays {
        // The chains' first approvals, read once (chains are few) instead of walking each
        // meeting's chain in SQL (``firstApproval(_:)``, a lookup per row).
        let firstApprovals = try chainFirstApprovals(db)
        let cursor = try SQLRequest<Row>(
            """
            SELECT m.id, m.structure_id, m.meeting_date, m.planned_date, m.approved_on,
                   m.present_sides, m.present_organisations, m.covered_items
            FROM minutes m INDEXED BY minutes_report WHERE m.meeting_date BETWEEN \(from.iso) AND \(max(through, asOf).iso)
            """
        ).fetchCursor(db)
        let table = "minutes"
        var structures = ByteInterner()
        var lists = SummaryLists()
        /// Per structure number.
        var summaries: [MinutesSummaryCounts] = []
        var ids: [Int64] = []
        var days: [Int] = []
        let last = through.dayNumber
        while let row = try cursor.next() {
            let id = try row.checked(0, table, "id", as: Int64.self)
            guard !corrected.contains(id) else { continue }
            let date = try row.checkedDate(2, table, "meeting_date")
            let day = date.dayNumber
            ids.append(id)
            days.append(day)
            guard day <= last else { continue }
            let structure = structures.number(of: try row.checked(1, table, "structure_id"))
            if structure == summaries.count { summaries.append(MinutesSummaryCounts()) }
            history.meetings.append(
                HeldMeeting(
                    structureID: structures.strings[structure], date: date,
                    plannedDate: try row.checkedOptionalDate(3, table, "planned_date")))
            let approvalDays = try (firstApprovals[id] ?? row.checkedOptionalDate(4, table, "approved_on")).map { $0.dayNumber - day }
            summaries[structure].add(
                approvalDays: approvalDays, sides: try row.checked(5, table, "present_sides"),
                organisations: lists.number(of: try row.checked(6, table, "present_organisations")),
                items: lists.number(of: try row.checked(7, table, "covered_items")))
        }
        for (number, summary) in summaries.enumerated() {
            summary.add(to: &history.totals[structures.strings[number], default: MeetingTotals()], lists: lists)
        }
        return MeetingDays(ids: ids, days: days)
    }

    /// The day each record of a correction chain was first approved, by minutes id: the first
    /// approval of its chain (``firstApproval(_:)``), for the records of chains with an approval.
    static func chainFirstApprovals(_ db: Database) throws -> [Int64: LocalDate] {
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT link.minutes_id, firsts.day FROM minutes_chain link
                JOIN (SELECT member.root_id AS root, MIN(first.approved_on) AS day
                      FROM minutes_chain member JOIN minutes first ON first.id = member.minutes_id
                      GROUP BY member.root_id) firsts ON firsts.root = link.root_id
                WHERE firsts.day IS NOT NULL
                """)
        var result: [Int64: LocalDate] = [:]
        while let row = try cursor.next() {
            result[try row.checked(0, "minutes_chain", "minutes_id", as: Int64.self)] = try row.checkedDate(1, "minutes", "approved_on")
        }
        return result
    }

    /// The action items decided at the period's meetings, each with its status on `asOf`: the
    /// status of its latest follow-up at a current meeting from the day it was decided up to
    /// `asOf` (as `samverkan actions` has it).
    ///
    /// SQLite has no hash join. When the period holds a large share of all minutes, reading
    /// every action item and follow-up once from their covering indexes costs least
    /// (`scanning`). For a short period the rows are read by runs of the meetings' ids
    /// (``MeetingDays/idRanges(joiningGapsUpTo:)``, passed as one JSON array): one index range
    /// scan per run — a structure's year of minutes, or the whole period when minutes are
    /// written as meetings happen — where a lookup per meeting cost a national year some 40 ms.
    /// Either way the rows are matched here against the meetings' days, so both give the same
    /// result.
    static func readActions(
        _ db: Database, from: LocalDate, through: LocalDate, asOf: LocalDate, meetingDays days: MeetingDays,
        scanning: Bool, into totals: inout [String: MeetingTotals]
    ) throws {
        let last = through.dayNumber
        let judged = asOf.dayNumber
        // The meetings' ids in runs (`[[first, last], …]`), when not scanning.
        let ranges =
            scanning
            ? ""
            : "["
                + days.idRanges(joiningGapsUpTo: MeetingDays.joinedGap).map { "[\($0.lowerBound),\($0.upperBound)]" }
                .joined(separator: ",") + "]"
        /// The rows of a child table keyed by `minutes_id`: all, or those of the meetings' id ranges.
        func rows(_ table: String, _ columns: String) throws -> RowCursor {
            let table = SQL(sql: table)
            let columns = SQL(sql: columns)
            if scanning {
                return try SQLRequest<Row>("SELECT \(columns) FROM \(table) INDEXED BY \(table)_report").fetchCursor(db)
            }
            return try SQLRequest<Row>(
                """
                SELECT \(columns) FROM json_each(\(ranges)) id_range
                CROSS JOIN \(table) INDEXED BY \(table)_report
                  ON \(table).minutes_id BETWEEN json_extract(id_range.value, '$[0]') AND json_extract(id_range.value, '$[1]')
                """
            ).fetchCursor(db)
        }
        // The number (`#N`) of the items of corrections that keep one (few, from a partial index).
        var numbers: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, continues_id FROM action_items WHERE continues_id IS NOT NULL") {
            numbers[row[0]] = row[1]
        }
        // About one item a meeting: room for them saves growing the table a dozen times. Structure
        // ids are numbered by their bytes (``ByteInterner``), not hashed as `String` keys per item.
        var structures = ByteInterner()
        var items: [Int64: (structure: Int, decided: Int, due: Int)] = [:]
        items.reserveCapacity(days.count)
        let decided = try rows(
            "action_items", "action_items.minutes_id, action_items.id, action_items.structure_id, action_items.due")
        while let row = try decided.next() {
            guard let day = days[id: try row.checked(0, "action_items", "minutes_id", as: Int64.self)], day <= last else { continue }
            let id = try row.checked(1, "action_items", "id", as: Int64.self)
            items[numbers[id] ?? id] = (
                structures.number(of: try row.checked(2, "action_items", "structure_id")), day,
                try row.checkedDate(3, "action_items", "due").dayNumber
            )
        }
        guard !items.isEmpty else { return }
        // The latest follow-up of each: by meeting day, then minutes id.
        var latest: [Int64: (day: Int, minutes: Int64, done: Bool)] = [:]
        latest.reserveCapacity(items.count)
        let followUps = try rows(
            "action_follow_ups", "action_follow_ups.minutes_id, action_follow_ups.action_id, action_follow_ups.status = 'done'")
        while let row = try followUps.next() {
            let minutes = try row.checked(0, "action_follow_ups", "minutes_id", as: Int64.self)
            let recorded = try row.checked(1, "action_follow_ups", "action_id", as: Int64.self)
            let action = numbers[recorded] ?? recorded
            guard let day = days[id: minutes], day <= judged, let item = items[action], day >= item.decided else { continue }
            if let known = latest[action], (known.day, known.minutes) > (day, minutes) { continue }
            latest[action] = (day, minutes, try row.checked(2, "action_follow_ups", "status", as: Bool.self))
        }
        // Counted per structure number, then added to each structure's totals once.
        var counts = [MeetingTotals](repeating: MeetingTotals(), count: structures.count)
        for (id, item) in items {
            let done = latest[id]?.done == true
            counts[item.structure].addAction(done: done, overdue: !done && item.due < judged)
        }
        for (number, count) in counts.enumerated() where count.actionsCreated > 0 {
            totals[structures.strings[number], default: MeetingTotals()].actionsCreated += count.actionsCreated
            totals[structures.strings[number], default: MeetingTotals()].actionsDone += count.actionsDone
            totals[structures.strings[number], default: MeetingTotals()].actionsOverdue += count.actionsOverdue
        }
    }
}
