public import SamverkanDomain
import SamverkanStore
public import SamverkanTime

extension PostgresStore {
    /// The register's meetings whose planned or actual day lies in a window, by start.
    /// - Parameter structureIDs: only these structures (nil: all).
    public func registeredMeetings(structureIDs: [String]?, from: LocalDate, through: LocalDate) async throws -> [RegisteredMeeting] {
        try await Self.registeredMeetings(client, structureIDs: structureIDs, from: from, through: through)
    }

    /// Every meeting the register holds for some structures, whatever its date, by start.
    public func registeredMeetings(structureIDs: [String]) async throws -> [RegisteredMeeting] {
        try await Self.registeredMeetings(client, structureIDs: structureIDs, from: nil, through: nil)
    }

    /// The decisions about a structure's meetings, oldest first.
    public func decisions(structureID: String) async throws -> [MeetingDecision] {
        try await Self.storedDecisions(client, "structure_id = $1", [.text(structureID)]).map(StoredRegisterRows.decision)
    }

    /// The meeting register's revision: it grows with every change of meetings or decisions.
    public func registerRevision() async throws -> Int64 {
        let rows = try await client.checkedRows("SELECT revision FROM register_revision WHERE id = 1", table: "register_revision")
        return try rows.first?.integer(0, "revision") ?? 0
    }

    /// ``registeredMeetings(structureIDs:from:through:)`` on a connection (in its transaction),
    /// ordered as the embedded store orders them (texts by their bytes).
    static func registeredMeetings(
        _ client: PostgresClient, structureIDs: [String]?, from: LocalDate?, through: LocalDate?
    ) async throws -> [RegisteredMeeting] {
        var filters: [String] = []
        var values: [SQLValue] = []
        if let structureIDs {
            values.append(RegisterSQL.list(structureIDs))
            filters.append("structure_id = ANY(string_to_array($\(values.count), chr(31)))")
        }
        if let from, let through {
            values += [.text(from.iso), .text(through.iso), .text(through.iso + "T99:99")]
            let (first, last, end) = (values.count - 2, values.count - 1, values.count)
            filters.append(
                "((planned_date BETWEEN $\(first) AND $\(last)) OR (start BETWEEN $\(first) AND $\(end)))")
        }
        let rows = try await client.checkedRows(
            """
            SELECT structure_id, planned_date, extra, planned_start, uid, in_series, start, "end", state, reason_kind, reason_code,
                   decision_id
            FROM meetings WHERE \(filters.isEmpty ? "TRUE" : filters.joined(separator: " AND "))
            ORDER BY start COLLATE "C", structure_id COLLATE "C", planned_date COLLATE "C"
            """, values, table: "meetings")
        let stored = try rows.map { row in
            (
                structureID: try row.text(0, "structure_id"), plannedDate: try row.text(1, "planned_date"), extra: try row.bool(2, "extra"),
                plannedStart: try row.text(3, "planned_start"), uid: try row.text(4, "uid"), inSeries: try row.bool(5, "in_series"),
                start: try row.text(6, "start"), end: try row.text(7, "end"), state: try row.text(8, "state"),
                reasonKind: try row.optionalText(9, "reason_kind"), reasonCode: try row.optionalText(10, "reason_code"),
                decisionID: try row.optionalInteger(11, "decision_id")
            )
        }
        let ids = Set(stored.compactMap(\.decisionID))
        var decisions: [Int64: MeetingDecision] = [:]
        if !ids.isEmpty {
            for decision in try await storedDecisions(client, "id = ANY(\(RegisterSQL.idArray(1)))", [RegisterSQL.ids(ids)]) {
                if let id = decision.id { decisions[id] = try StoredRegisterRows.decision(decision) }
            }
        }
        return try stored.map { try StoredRegisterRows.meeting($0, decisions: decisions) }
    }

    /// The decisions matching a condition, oldest first.
    static func storedDecisions(_ client: PostgresClient, _ condition: String, _ values: [SQLValue]) async throws -> [StoredRegisterRows
        .Decision]
    {
        try await client.checkedRows(
            """
            SELECT id, structure_id, meeting_date, action, new_start, reason, decided_by, decided_at
            FROM meeting_decisions WHERE \(condition) ORDER BY id
            """, values, table: "meeting_decisions"
        ).map { row in
            (
                id: try row.integer(0, "id"), structureID: try row.text(1, "structure_id"), meetingDate: try row.text(2, "meeting_date"),
                action: try row.text(3, "action"), newStart: try row.optionalText(4, "new_start"), reason: try row.text(5, "reason"),
                decidedBy: try row.optionalText(6, "decided_by"), decidedAt: try row.text(7, "decided_at")
            )
        }
    }
}
