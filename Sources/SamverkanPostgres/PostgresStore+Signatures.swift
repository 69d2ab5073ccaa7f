public import SamverkanDomain
import SamverkanStore
public import SamverkanTime

extension PostgresStore {
    /// The signatures of minutes, in the order they were given.
    public func signatures(minutesID id: Int64) async throws -> [Signature] {
        try await Self.fetchSignatures(minutesID: id, on: client).map(\.signature)
    }

    /// The signatures of minutes with their positions, in order.
    static func fetchSignatures(minutesID id: Int64, on client: PostgresClient) async throws -> [(position: Int64, signature: Signature)] {
        let rows = try await client.rows(
            "SELECT position, name, signed_on, recorded_at FROM minutes_signatures WHERE minutes_id = $1 ORDER BY position",
            [.integer(id)])
        return try PostgresRow.all(rows, table: "minutes_signatures").map { row in
            (
                try row.integer(0, "position"),
                Signature(name: try row.text(1, "name"), date: try row.date(2, "signed_on"), recordedAt: try row.text(3, "recorded_at"))
            )
        }
    }

    /// Approves (*justerar*) minutes: every name in `by` signs on `date` and the minutes are
    /// approved at once (``AppDatabase/approve(id:by:date:)``).
    public func approve(id: Int64, by: [String], date: LocalDate) async throws -> Minutes {
        try await sign(id: id, names: by, date: date, required: by).minutes
    }

    /// Signs minutes (*justering*), as ``AppDatabase/sign(id:names:date:required:)``: each name's
    /// signature is recorded on `date`; when the last required signatory has signed, the
    /// minutes are approved (see ``completeApproval(_:by:date:on:)``).
    ///
    /// The minutes row is locked (`FOR UPDATE`) first, so two signings of the same minutes at
    /// once take turns: the second sees the first's signatures (and approval).
    /// - Throws: ``StoreError`` when the minutes are missing, approved or replaced by a
    ///   correction before approval, the day is before the meeting, a name has signed already or
    ///   is not a required signatory.
    public func sign(id: Int64, names: [String], date: LocalDate, required: [String]) async throws -> (
        minutes: Minutes, justering: Justering
    ) {
        let result = try await client.transaction { client in
            // Locked first: two signings of the same minutes at once take turns.
            let locked = try await client.rows("SELECT id FROM minutes WHERE id = $1 FOR UPDATE", [.integer(id)])
            let stored = locked.isEmpty ? nil : try await Self.fetchMinutes(where: "m.id = $1", [.integer(id)], on: client).first
            let newer = try await client.rows("SELECT id FROM minutes WHERE amends_id = $1 ORDER BY id LIMIT 1", [.integer(id)])
            let newerID = try newer.first.map { try PostgresRow($0, table: "minutes").integer(0, "id") }
            let minutes = try StoreRules.signable(stored, id: id, newer: newerID, date: date)
            let existing = try await Self.fetchSignatures(minutesID: id, on: client)
            var justering = Justering(required: required, signatures: existing.map(\.signature))
            let added = try StoreRules.sign(names, into: &justering, id: id, date: date, recordedAt: AuditEntry.timestamp())
            let first = (existing.map(\.position).max() ?? -1) + 1
            try await Self.insertRows(
                "minutes_signatures", ["minutes_id", "position", "name", "signed_on", "recorded_at"],
                added.enumerated().map { offset, signature in
                    [.integer(id), .integer(first + Int64(offset)), .text(signature.name), .text(date.iso), .text(signature.recordedAt)]
                }, on: client)
            let detail = "signatures=\(names.count)"
            guard let day = justering.approvalDate else {
                try await appendAudit(.minutesSigned, .minutes(id), detail: detail, on: client)
                return SignResult(minutes: minutes, justering: justering)
            }
            let approved = try await Self.completeApproval(minutes, by: StoreRules.approvers(justering), date: day, on: client)
            try await appendAudit(.minutesApproved, .minutes(id), detail: detail, on: client)
            return SignResult(minutes: approved, justering: justering)
        }
        return (result.minutes, result.justering)
    }

    /// Minutes waiting for justering, as ``AppDatabase/pendingMinutes(structureID:)``: the latest
    /// record of their chain, not approved, oldest meeting first, with the signatures given so
    /// far (read for all of them in one query).
    public func pendingMinutes(structureID: String?) async throws -> [PendingMinutes] {
        let rows = try await client.rows(
            """
            SELECT m.id, m.structure_id, m.meeting_date, m.chair, m.approvers, m.amends_id, m.created_at
            FROM minutes m
            WHERE m.approved_at IS NULL AND NOT EXISTS (SELECT 1 FROM minutes newer WHERE newer.amends_id = m.id)
              AND ($1::text IS NULL OR m.structure_id = $1)
            ORDER BY m.meeting_date, m.id
            """, [structureID.map(SQLValue.text) ?? .null])
        guard !rows.isEmpty else { return [] }
        let signatureRows = try await client.rows(
            """
            SELECT s.minutes_id, s.name, s.signed_on, s.recorded_at FROM minutes_signatures s JOIN minutes m ON m.id = s.minutes_id
            WHERE m.approved_at IS NULL AND ($1::text IS NULL OR m.structure_id = $1)
            ORDER BY s.minutes_id, s.position
            """, [structureID.map(SQLValue.text) ?? .null])
        var signatures: [Int64: [Signature]] = [:]
        for row in PostgresRow.all(signatureRows, table: "minutes_signatures") {
            signatures[try row.integer(0, "minutes_id"), default: []].append(
                Signature(name: try row.text(1, "name"), date: try row.date(2, "signed_on"), recordedAt: try row.text(3, "recorded_at")))
        }
        return try PostgresRow.all(rows, table: "minutes").map { row in
            let id = try row.integer(0, "id")
            let createdAt = try row.text(6, "created_at")
            return PendingMinutes(
                id: id, structureID: try row.text(1, "structure_id"), date: try row.date(2, "meeting_date"),
                chair: try row.text(3, "chair"), approvers: Self.lines(try row.text(4, "approvers")), signatures: signatures[id] ?? [],
                amends: try row.optionalInteger(5, "amends_id"), savedOn: LocalDate(iso: String(createdAt.prefix(10))))
        }
    }

    /// The structures of the corrections of approved minutes that wait for approval, of
    /// meetings up to `through` (``AppDatabase/pendingCorrectionStructures(through:)``).
    public func pendingCorrectionStructures(through: LocalDate) async throws -> [String] {
        let rows = try await client.rows(
            """
            SELECT m.structure_id FROM minutes_chain c JOIN minutes m ON m.id = c.minutes_id
            WHERE c.superseded = 1 AND m.meeting_date <= $1
              AND NOT EXISTS (SELECT 1 FROM minutes n WHERE n.amends_id = m.id)
            ORDER BY m.id
            """, [.text(through.iso)])
        return try PostgresRow.all(rows, table: "minutes").map { try $0.text(0, "structure_id") }
    }
}

/// What a signing transaction returns (a tuple is not `Sendable`).
private struct SignResult: Sendable {
    var minutes: Minutes
    var justering: Justering
}
