import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension PostgresStore {
    /// The action items decided at the period's current meetings, counted per structure with
    /// their status on `asOf`: the status of the latest follow-up at a current meeting from the
    /// day an item was decided up to `asOf` (a follow-up counts for the number of the item it
    /// was recorded against). The latest follow-up of a number lying before the day the item
    /// was decided means all do, and the item has none that counts. (ISO days compare as bytes:
    /// `COLLATE "C"` where the rows are many spares the database's collation rules.)
    static func readActions(
        _ client: PostgresClient, from: LocalDate, through: LocalDate, asOf: LocalDate, into totals: inout [String: MeetingTotals]
    ) async throws {
        let rows = try await client.checkedRows(
            """
            WITH held AS MATERIALIZED (
                SELECT m.id, m.meeting_date FROM minutes m WHERE m.meeting_date BETWEEN $1 AND $3 AND \(RegisterSQL.currentInBulk())),
            -- A number has one item at current minutes (a chain counts one record).
            items AS (
                SELECT COALESCE(a.continues_id, a.id) AS number, a.structure_id, h.meeting_date AS decided, a.due
                FROM action_items a JOIN held h ON h.id = a.minutes_id WHERE h.meeting_date <= $2),
            latest AS (
                SELECT DISTINCT ON (COALESCE(c.continues_id, f.action_id)) COALESCE(c.continues_id, f.action_id) AS number,
                       h.meeting_date AS day, f.status = 'done' AS done
                FROM action_follow_ups f JOIN held h ON h.id = f.minutes_id
                \(RegisterSQL.continuedItems("f"))
                WHERE h.meeting_date <= $4
                ORDER BY COALESCE(c.continues_id, f.action_id), h.meeting_date COLLATE "C" DESC, h.id DESC, f.status = 'done' DESC)
            SELECT i.structure_id, COUNT(*),
                   COUNT(*) FILTER (WHERE l.done AND l.day COLLATE "C" >= i.decided),
                   COUNT(*) FILTER (WHERE NOT COALESCE(l.done AND l.day COLLATE "C" >= i.decided, FALSE) AND i.due COLLATE "C" < $4)
            FROM items i LEFT JOIN latest l ON l.number = i.number
            GROUP BY i.structure_id
            """, [.text(from.iso), .text(through.iso), .text(max(through, asOf).iso), .text(asOf.iso)], table: "action_items")
        for row in rows {
            let structure = try row.text(0, "structure_id")
            totals[structure, default: MeetingTotals()].actionsCreated += Int(try row.integer(1, "id"))
            totals[structure, default: MeetingTotals()].actionsDone += Int(try row.integer(2, "id"))
            totals[structure, default: MeetingTotals()].actionsOverdue += Int(try row.integer(3, "due"))
        }
    }

    /// The register's meetings that count for a report — planned, moved and cancelled, by
    /// planned date in the period — per structure in planned order. Each structure's come as one
    /// text (see ``PlannedMeetingText``).
    static func plannedMeetings(_ client: PostgresClient, from: LocalDate, through: LocalDate) async throws
        -> [String: [PlannedMeetingDay]]
    {
        let rows = try await client.checkedRows(
            """
            SELECT structure_id,
                   string_agg(planned_date || CASE WHEN substr(start, 1, 10) = planned_date THEN '' ELSE start END, ',')
            FROM meetings
            WHERE planned_date BETWEEN $1 AND $2 AND state IN ('planned', 'moved', 'cancelled')
            GROUP BY structure_id
            """, [.text(from.iso), .text(through.iso)], table: "meetings")
        var result: [String: [PlannedMeetingDay]] = [:]
        for row in rows {
            result[try row.text(0, "structure_id")] = try PlannedMeetingText.days(try row.text(1, "planned_date"))
        }
        return result
    }
}
