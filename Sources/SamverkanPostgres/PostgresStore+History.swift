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
        try await readSnapshot { client in try await Self.history(client, from: from, through: through, asOf: asOf, planned: false) }
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
            return try await Self.history(client, from: from, through: through, asOf: asOf, planned: current)
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

    /// The history (with the register's planned meetings when `planned`), in the caller's
    /// transaction.
    ///
    /// Read on two connections at once, in one snapshot: a second connection (see
    /// ``sideReads(url:snapshot:from:through:asOf:)``) reads the action items (the largest read),
    /// the cancellations and the corrections waiting, while this one reads the meetings and
    /// the register's plans; all on this one when a second connection cannot be had.
    static func history(_ client: PostgresClient, from: LocalDate, through: LocalDate, asOf: LocalDate, planned: Bool) async throws
        -> MeetingHistory
    {
        let snapshot = try await client.checkedRows("SELECT pg_export_snapshot()", table: "snapshot").first?.text(0, "snapshot")
        let side = snapshot.map { id in Self.sideReads(url: client.url, snapshot: id, from: from, through: through, asOf: asOf) }
        var history = MeetingHistory(cancellations: [])
        do {
            let meetings = try await meetingRows(client, from: from, through: through)
            // The server reads the plans while the meetings are counted here.
            async let plans = planned ? Self.plannedMeetings(client, from: from, through: through) : nil
            try addMeetings(meetings, into: &history)
            history.planned = try await plans
        } catch {
            // The second connection ends (and closes) before the error is passed on.
            side?.cancel()
            _ = await side?.value
            throw error
        }
        let read: SideReads
        if let side, let done = await side.value {
            read = done
        } else {
            read = try await Self.sideReads(client, from: from, through: through, asOf: asOf)
        }
        history.cancellations = read.cancellations
        history.pendingCorrections = read.pendingCorrections
        for (structure, counted) in read.actions {
            history.totals[structure, default: MeetingTotals()].actionsCreated += counted.actionsCreated
            history.totals[structure, default: MeetingTotals()].actionsDone += counted.actionsDone
            history.totals[structure, default: MeetingTotals()].actionsOverdue += counted.actionsOverdue
        }
        return history
    }

    /// What the second connection reads of a history.
    struct SideReads: Sendable {
        var actions: [String: MeetingTotals] = [:]
        var cancellations: [CancellationRecord] = []
        var pendingCorrections = 0
    }

    /// ``SideReads`` on a connection of their own that sees the snapshot `snapshot` (exported
    /// by the history's transaction, which stays open meanwhile); nil when that connection
    /// cannot be had (too many connections, say): the caller reads them itself.
    static func sideReads(
        url: PostgresURL, snapshot: String, from: LocalDate, through: LocalDate, asOf: LocalDate
    ) -> Task<SideReads?, Never> {
        Task {
            guard let second = try? await PostgresClient.connect(url) else { return nil }
            let read = try? await second.transaction { client in
                try await client.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                try await client.execute("SET TRANSACTION SNAPSHOT '\(snapshot.filter { $0.isLetter || $0.isNumber || $0 == "-" })'")
                try await client.execute("SET LOCAL work_mem = '64MB'")
                return try await sideReads(client, from: from, through: through, asOf: asOf)
            }
            await second.close()
            return read
        }
    }

    /// ``SideReads`` in the caller's transaction.
    static func sideReads(_ client: PostgresClient, from: LocalDate, through: LocalDate, asOf: LocalDate) async throws -> SideReads {
        var read = SideReads()
        try await readActions(client, from: from, through: through, asOf: asOf, into: &read.actions)
        read.cancellations = try await client.checkedRows(
            """
            SELECT structure_id, meeting_date, reason FROM cancelled_meetings
            WHERE meeting_date BETWEEN $1 AND $2 ORDER BY structure_id COLLATE "C", meeting_date
            """, [.text(from.iso), .text(through.iso)], table: "cancelled_meetings"
        ).map { row in
            CancellationRecord(
                structureID: try row.text(0, "structure_id"), date: try row.date(1, "meeting_date"), reason: try row.text(2, "reason"))
        }
        // The latest record of a chain that does not count is a correction waiting for approval.
        let pending = try await client.checkedRows(
            """
            SELECT COUNT(*) FROM minutes_chain c JOIN minutes m ON m.id = c.minutes_id
            WHERE c.superseded = 1 AND m.meeting_date BETWEEN $1 AND $2
              AND NOT EXISTS (SELECT 1 FROM minutes n WHERE n.amends_id = m.id)
            """, [.text(from.iso), .text(through.iso)], table: "minutes_chain")
        read.pendingCorrections = Int(try pending.first?.integer(0, "minutes_id") ?? 0)
        return read
    }

    /// The period's current minutes summed per structure (see ``MeetingTotals``), and its held
    /// meetings by day and structure (as the embedded store lists them: texts by their bytes),
    /// as rows for ``addMeetings(_:into:)``.
    ///
    /// Two passes over the period's minutes (cheaper than keeping the period between them):
    /// the meetings counted by the sides present, by each organisation present and by each item
    /// covered (three groupings of one pass; a structure's meetings share a handful of these
    /// lists, split here), and each structure's meetings as one text, `meeting/planned/approved`
    /// days, from which the approval delays are counted here.
    static func meetingRows(_ client: PostgresClient, from: LocalDate, through: LocalDate) async throws -> [PostgresRow] {
        try await client.checkedRows(
            """
            WITH firsts AS (
                SELECT link.minutes_id, chains.day FROM minutes_chain link
                JOIN (SELECT member.root_id AS root, MIN(first.approved_on) AS day
                      FROM minutes_chain member JOIN minutes first ON first.id = member.minutes_id
                      GROUP BY member.root_id) chains ON chains.root = link.root_id
                WHERE chains.day IS NOT NULL),
            period AS NOT MATERIALIZED (
                SELECT m.structure_id, m.meeting_date, m.planned_date, COALESCE(firsts.day, m.approved_on) AS approved,
                       m.present_sides, m.present_organisations, m.covered_items
                FROM minutes m LEFT JOIN firsts ON firsts.minutes_id = m.id
                WHERE m.meeting_date BETWEEN $1 AND $2 AND \(RegisterSQL.currentInBulk()))
            SELECT CASE GROUPING(present_sides, present_organisations, covered_items) WHEN 3 THEN 1 WHEN 5 THEN 2 ELSE 3 END,
                   structure_id, COALESCE(present_organisations, covered_items), COALESCE(present_sides, 0), COUNT(*)
                FROM period
                GROUP BY GROUPING SETS ((structure_id, present_sides), (structure_id, present_organisations), (structure_id, covered_items))
            UNION ALL SELECT 4, structure_id,
                   string_agg(meeting_date || '/' || COALESCE(planned_date, '') || '/' || COALESCE(approved, ''), ','), 0, COUNT(*)
                FROM period GROUP BY structure_id
            """, [.text(from.iso), .text(through.iso)], table: "minutes")
    }

    /// Adds the rows of ``meetingRows(_:from:through:)`` to a history.
    static func addMeetings(_ rows: [PostgresRow], into history: inout MeetingHistory) throws {
        var held = HeldMeetingList()
        for row in rows {
            let structure = try row.text(1, "structure_id")
            let count = Int(try row.integer(4, "id"))
            switch try row.integer(0, "id") {
            case 1:
                let present = Principal.present(sides: try row.integer(3, "present_sides"))
                history.totals[structure, default: MeetingTotals()].meetings += count
                history.totals[structure, default: MeetingTotals()].sidesPresent[present, default: 0] += count
            case 2:
                for organisation in Self.listed(try row.text(2, "present_organisations")) {
                    history.totals[structure, default: MeetingTotals()].organisationsPresent[organisation, default: 0] += count
                }
            case 3:
                for item in Self.listed(try row.text(2, "covered_items")) {
                    history.totals[structure, default: MeetingTotals()].covered[item, default: 0] += count
                }
            default:
                var approvalDays = history.totals[structure]?.approvalDays ?? [:]
                try held.add(try row.text(2, "meeting_date"), structure: structure, approvalDays: &approvalDays)
                history.totals[structure, default: MeetingTotals()].approvalDays = approvalDays
            }
        }
        history.meetings = held.sorted()
    }

    /// The texts of a list column (`present_organisations`, `covered_items`: separated by
    /// U+001F), as PostgreSQL's `string_to_array(list, chr(31))` gives them: none of an empty list.
    static func listed(_ list: String) -> [String] {
        list.isEmpty ? [] : list.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }
}
