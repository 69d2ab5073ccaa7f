public import SamverkanDomain
import SamverkanStore
public import SamverkanTime

extension PostgresStore {
    /// The meetings held and cancelled in a period, summed per structure, and the action items
    /// decided in it with their status on `asOf`, as ``AppDatabase/history(from:through:asOf:)``
    /// gives them, read in one read-only snapshot.
    ///
    /// Set-based for ten national years (~180,000 minutes): PostgreSQL sums the period per
    /// structure (approval delays, sides, organisations and items present, action items done
    /// and overdue) and hands over each structure's meeting days as one text, so what crosses
    /// the connection is a few rows per structure, not a row per meeting and action.
    public func history(from: LocalDate, through: LocalDate, asOf: LocalDate) async throws -> MeetingHistory {
        try await readSnapshot { client in try await Self.history(client, from: from, through: through, asOf: asOf) }
    }

    /// ``history(from:through:asOf:)`` with the period's planned meetings from the meeting
    /// register when it is current for `configuration` through `through` (otherwise `planned`
    /// is nil), both read in the same snapshot.
    public func history(from: LocalDate, through: LocalDate, asOf: LocalDate, register configuration: RegionConfiguration) async throws
        -> MeetingHistory
    {
        let digests = Self.registerDigests.digests(configuration)
        return try await readSnapshot { client in
            let current = Self.covers(try await Self.registerStructures(client), configuration, digests, through: through)
            var history = try await Self.history(client, from: from, through: through, asOf: asOf)
            if current { history.planned = try await Self.plannedMeetings(client, from: from, through: through) }
            return history
        }
    }

    /// Runs `body` in a read-only transaction that sees one snapshot of the database.
    func readSnapshot<T: Sendable>(_ body: (PostgresClient) async throws -> T) async throws -> T {
        try await client.transaction { client in
            try await client.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            // A report sorts and hashes a period's rows (ten national years: 180,000 minutes and
            // as many action rows): room for them in memory instead of temporary files.
            try await client.execute("SET LOCAL work_mem = '64MB'")
            return try await body(client)
        }
    }

    /// The history, in the caller's transaction.
    static func history(_ client: PostgresClient, from: LocalDate, through: LocalDate, asOf: LocalDate) async throws -> MeetingHistory {
        var history = MeetingHistory(
            cancellations: try await client.checkedRows(
                """
                SELECT structure_id, meeting_date, reason FROM cancelled_meetings
                WHERE meeting_date BETWEEN $1 AND $2 ORDER BY structure_id COLLATE "C", meeting_date
                """, [.text(from.iso), .text(through.iso)], table: "cancelled_meetings"
            ).map { row in
                CancellationRecord(
                    structureID: try row.text(0, "structure_id"), date: try row.date(1, "meeting_date"), reason: try row.text(2, "reason"))
            })
        // The latest record of a chain that does not count is a correction waiting for approval.
        let pending = try await client.checkedRows(
            """
            SELECT COUNT(*) FROM minutes_chain c JOIN minutes m ON m.id = c.minutes_id
            WHERE c.superseded = 1 AND m.meeting_date BETWEEN $1 AND $2
              AND NOT EXISTS (SELECT 1 FROM minutes n WHERE n.amends_id = m.id)
            """, [.text(from.iso), .text(through.iso)], table: "minutes_chain")
        history.pendingCorrections = Int(try pending.first?.integer(0, "minutes_id") ?? 0)
        try await readMeetings(client, from: from, through: through, into: &history)
        try await readActions(client, from: from, through: through, asOf: asOf, into: &history.totals)
        return history
    }

    /// The period's current minutes summed per structure (see ``MeetingTotals``), and its held
    /// meetings by day and structure (as the embedded store lists them: texts by their bytes).
    static func readMeetings(_ client: PostgresClient, from: LocalDate, through: LocalDate, into history: inout MeetingHistory) async throws
    {
        let rows = try await client.checkedRows(
            """
            WITH firsts AS (
                SELECT link.minutes_id, chains.day FROM minutes_chain link
                JOIN (SELECT member.root_id AS root, MIN(first.approved_on) AS day
                      FROM minutes_chain member JOIN minutes first ON first.id = member.minutes_id
                      GROUP BY member.root_id) chains ON chains.root = link.root_id
                WHERE chains.day IS NOT NULL),
            period AS MATERIALIZED (
                SELECT m.structure_id, m.meeting_date, m.planned_date, COALESCE(firsts.day, m.approved_on) AS approved,
                       m.present_sides, m.present_organisations, m.covered_items
                FROM minutes m LEFT JOIN firsts ON firsts.minutes_id = m.id
                WHERE m.meeting_date BETWEEN $1 AND $2 AND \(RegisterSQL.current())),
            -- A structure's meetings share a handful of summaries: counted whole, then split.
            summaries AS (
                SELECT structure_id, present_sides, present_organisations, covered_items, COUNT(*) AS meetings
                FROM period GROUP BY structure_id, present_sides, present_organisations, covered_items)
            SELECT 0, structure_id, NULL::text, GREATEST(0, approved::date - meeting_date::date)::bigint AS days, COUNT(*)
                FROM period WHERE approved IS NOT NULL GROUP BY structure_id, days
            UNION ALL SELECT 1, structure_id, NULL, present_sides, SUM(meetings)::bigint FROM summaries GROUP BY structure_id, present_sides
            UNION ALL SELECT 2, structure_id, organisation, 0, SUM(meetings)::bigint
                FROM summaries CROSS JOIN LATERAL unnest(string_to_array(present_organisations, chr(31))) AS organisation
                GROUP BY structure_id, organisation
            UNION ALL SELECT 3, structure_id, item, 0, SUM(meetings)::bigint
                FROM summaries CROSS JOIN LATERAL unnest(string_to_array(covered_items, chr(31))) AS item
                GROUP BY structure_id, item
            UNION ALL SELECT 4, structure_id, string_agg(meeting_date || COALESCE(planned_date, ''), ','), 0, COUNT(*)
                FROM period GROUP BY structure_id
            """, [.text(from.iso), .text(through.iso)], table: "minutes")
        var held: [(day: Int, structure: String, meeting: HeldMeeting)] = []
        for row in rows {
            let structure = try row.text(1, "structure_id")
            let count = Int(try row.integer(4, "id"))
            switch try row.integer(0, "id") {
            case 0:
                history.totals[structure, default: MeetingTotals()].approvalDays[Int(try row.integer(3, "approved_on")), default: 0] +=
                    count
            case 1:
                let bits = try row.integer(3, "present_sides")
                var present = Set<Principal>()
                if bits & 1 != 0 { present.insert(.region) }
                if bits & 2 != 0 { present.insert(.municipality) }
                history.totals[structure, default: MeetingTotals()].meetings += count
                history.totals[structure, default: MeetingTotals()].sidesPresent[present, default: 0] += count
            case 2:
                history.totals[structure, default: MeetingTotals()].organisationsPresent[
                    try row.text(2, "present_organisations"), default: 0] += count
            case 3: history.totals[structure, default: MeetingTotals()].covered[try row.text(2, "covered_items"), default: 0] += count
            default:
                for entry in try row.text(2, "meeting_date").split(separator: ",") {
                    guard entry.utf8.count == 10 || entry.utf8.count == 20, let date = LocalDate(iso: entry.prefix(10)) else {
                        throw StoreError.unreadable("minutes", column: "meeting_date")
                    }
                    var planned: LocalDate?
                    if entry.utf8.count == 20 {
                        guard let day = LocalDate(iso: entry.suffix(10)) else {
                            throw StoreError.unreadable("minutes", column: "planned_date")
                        }
                        planned = day
                    }
                    held.append((date.dayNumber, structure, HeldMeeting(structureID: structure, date: date, plannedDate: planned)))
                }
            }
        }
        // By day, then structure id by its bytes (as SQLite compares them), then planned date.
        let ranks = Dictionary(
            uniqueKeysWithValues: Set(held.map(\.structure)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.enumerated().map {
                ($1, $0)
            })
        history.meetings = held.map { ($0.day, ranks[$0.structure] ?? 0, $0.meeting.plannedDate?.dayNumber ?? Int.min, $0.meeting) }
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
    }
}
