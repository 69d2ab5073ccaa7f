public import SamverkanDomain
import SamverkanStore
public import SamverkanTime

extension PostgresStore {
    /// Recorded and cancelled meetings in a period, by date (``AppDatabase/listMinutes(structureID:from:through:)``).
    public func listMinutes(structureID: String?, from: LocalDate?, through: LocalDate?) async throws -> [MinutesSummary] {
        var filters: [String] = []
        var values: [SQLValue] = []
        if let structureID {
            values.append(.text(structureID))
            filters.append("structure_id = $\(values.count)")
        }
        if let from {
            values.append(.text(from.iso))
            filters.append("meeting_date >= $\(values.count)")
        }
        if let through {
            values.append(.text(through.iso))
            filters.append("meeting_date <= $\(values.count)")
        }
        let condition = { (alias: String) in
            filters.isEmpty ? "TRUE" : filters.map { alias + $0 }.joined(separator: " AND ")
        }
        let rows = try await client.rows(
            """
            SELECT m.id, m.structure_id, m.meeting_date, m.planned_date, m.amends_id, m.approved_at, m.approved_on, m.approved_by,
                   (SELECT newer.id FROM minutes newer WHERE newer.amends_id = m.id ORDER BY newer.id LIMIT 1),
                   (SELECT COUNT(*) FROM decisions d WHERE d.minutes_id = m.id),
                   (SELECT COUNT(*) FROM action_items a WHERE a.minutes_id = m.id),
                   (SELECT string_agg(s.name, chr(10) ORDER BY s.position) FROM minutes_signatures s WHERE s.minutes_id = m.id),
                   \(RegisterSQL.current())
            FROM minutes m WHERE \(condition("m."))
            """, values)
        var result = try PostgresRow.all(rows, table: "minutes").map { row in
            MinutesSummary(
                id: try row.integer(0, "id"), structureID: try row.text(1, "structure_id"), date: try row.date(2, "meeting_date"),
                status: try row.optionalText(5, "approved_at") == nil ? .draft : .approved,
                extra: try row.optionalDate(3, "planned_date") == nil, amends: try row.optionalInteger(4, "amends_id"),
                amendedBy: try row.optionalInteger(8, "amended_by"), approvedOn: try row.optionalDate(6, "approved_on"),
                decisions: Int(try row.integer(9, "decision_count")), newActions: Int(try row.integer(10, "action_count")),
                approvedBy: Self.lines(try row.optionalText(7, "approved_by") ?? ""),
                signedBy: Self.lines(try row.optionalText(11, "signed_by") ?? ""), counts: try row.bool(12, "counts"))
        }
        let cancelled = try await client.rows(
            "SELECT structure_id, meeting_date, reason FROM cancelled_meetings WHERE \(condition(""))", values)
        result += try PostgresRow.all(cancelled, table: "cancelled_meetings").map { row in
            MinutesSummary(
                id: nil, structureID: try row.text(0, "structure_id"), date: try row.date(1, "meeting_date"), status: .cancelled,
                reason: try row.text(2, "reason"))
        }
        return result.sorted { ($0.date, $0.structureID, $0.id ?? 0) < ($1.date, $1.structureID, $1.id ?? 0) }
    }

    /// The dates of a structure that have minutes or are cancelled.
    public func recordedDates(structureID: String) async throws -> Set<LocalDate> {
        let rows = try await client.rows(
            """
            SELECT meeting_date FROM minutes WHERE structure_id = $1
            UNION SELECT meeting_date FROM cancelled_meetings WHERE structure_id = $1
            """, [.text(structureID)])
        return Set(try PostgresRow.all(rows, table: "minutes").map { try $0.date(0, "meeting_date") })
    }

    /// The latest current minutes of a structure before a date, for "approval of the previous minutes".
    public func previousMinutes(structureID: String, before date: LocalDate, excluding: Int64?) async throws -> PreviousMinutes? {
        let rows = try await client.rows(
            """
            SELECT m.id, m.meeting_date FROM minutes m
            WHERE m.structure_id = $1 AND m.meeting_date < $2 AND m.id IS DISTINCT FROM $3::bigint AND \(RegisterSQL.current())
            ORDER BY m.meeting_date DESC, m.id DESC LIMIT 1
            """, [.text(structureID), .text(date.iso), excluding.map(SQLValue.integer) ?? .null])
        return try rows.first.map { cells in
            let row = PostgresRow(cells, table: "minutes")
            return PreviousMinutes(id: try row.integer(0, "id"), date: try row.date(1, "meeting_date"))
        }
    }

    /// The minutes that correct a record (`minutes amend`), oldest first; the walk stops at a
    /// record already seen (``AppDatabase/amendments(of:)``).
    public func amendments(of id: Int64) async throws -> [Minutes] {
        var ids: [Int64] = []
        var seen: Set<Int64> = [id]
        var current = id
        while let row = try await client.rows(
            "SELECT id FROM minutes WHERE amends_id = $1 ORDER BY id LIMIT 1", [.integer(current)]
        ).first {
            let next = try PostgresRow(row, table: "minutes").integer(0, "id")
            guard seen.insert(next).inserted else { break }
            ids.append(next)
            current = next
        }
        guard !ids.isEmpty else { return [] }
        let found = try await Self.fetchMinutes(where: "m.id = ANY(\(RegisterSQL.idArray(1)))", [RegisterSQL.ids(ids)], on: client)
        let byID = Dictionary(found.map { ($0.id ?? 0, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// Records a meeting as cancelled (a `cancel` decision), as ``AppDatabase/cancel(structureID:date:reason:)``.
    /// - Throws: ``StoreError`` when it has minutes or is cancelled already.
    public func cancel(structureID: String, date: LocalDate, reason: String) async throws {
        try await client.transaction { client in
            let rows = try await client.rows(
                """
                SELECT (SELECT id FROM minutes WHERE structure_id = $1 AND meeting_date = $2 ORDER BY id LIMIT 1),
                       EXISTS (SELECT 1 FROM cancelled_meetings WHERE structure_id = $1 AND meeting_date = $2)
                """, [.text(structureID), .text(date.iso)])
            if let cells = rows.first {
                let row = PostgresRow(cells, table: "minutes")
                if let id = try row.optionalInteger(0, "id") {
                    throw StoreError("meeting.has-minutes", ["structure": structureID, "date": date.iso, "id": String(id)])
                }
                if try row.bool(1, "meeting_date") {
                    throw StoreError("meeting.already-cancelled", ["structure": structureID, "date": date.iso])
                }
            }
            try await client.execute(
                """
                INSERT INTO meeting_decisions (structure_id, meeting_date, action, reason, decided_at)
                VALUES ($1, $2, 'cancel', $3, $4)
                """, [.text(structureID), .text(date.iso), .text(reason), .text(AuditEntry.timestamp())])
            // The structure's meetings are derived again at the next refresh.
            try await client.execute("DELETE FROM register_structures WHERE structure_id = $1", [.text(structureID)])
            try await appendAudit(.minutesCancelled, .meeting(structureID: structureID, date: date.iso), on: client)
        }
    }
}
