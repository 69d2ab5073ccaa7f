public import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension PostgresStore {
    /// Saves new minutes, with every child row and the search text, in one transaction, as
    /// ``AppDatabase/save(_:savedAt:)``: all of them or none.
    ///
    /// Three statements after the checks: the minutes row, then every part with the search text
    /// and the audit row (``PostgresStore/insertMinutes(_:with:on:)``). A correction locks
    /// the record it corrects first, so two corrections of the same record at once cannot both
    /// be saved; two sets of minutes for the same meeting at once meet the unique index
    /// `minutes_one_per_meeting`, and the second is refused as `minutes.exist`.
    /// - Throws: ``StoreError`` when minutes for the meeting exist already, the meeting is
    ///   cancelled, or the amended record is missing or already corrected.
    public func save(_ minutes: Minutes, savedAt: String?) async throws -> Minutes {
        do {
            return try await client.transaction { client in
                var stored = minutes
                stored.id = nil
                stored.approval = nil
                stored.createdAt = savedAt ?? AuditEntry.timestamp()
                if let original = minutes.amends {
                    try await Self.checkAmendable(minutes, original: original, on: client)
                } else {
                    try await Self.checkNewMeeting(minutes, on: client)
                }
                let action: AuditAction = minutes.amends == nil ? .minutesSaved : .minutesAmended
                let detail = minutes.amends.map { "amends=\($0)" }
                try await Self.insertMinutes(&stored, with: { id in [auditRow(action, .minutes(id), detail: detail)] }, on: client)
                return stored
            }
        } catch let error as DatabaseAdminError where error.violates("minutes_one_per_meeting") {
            // Saved by someone else since the check: say whose, as the check would have.
            let rows = try await client.rows(
                "SELECT id FROM minutes WHERE structure_id = $1 AND meeting_date = $2 AND amends_id IS NULL",
                [.text(minutes.structureID), .text(minutes.date.iso)])
            let existing = try rows.first.map { try PostgresRow($0, table: "minutes").integer(0, "id") }
            throw StoreError(
                "minutes.exist", ["id": existing.map(String.init) ?? "?", "structure": minutes.structureID, "date": minutes.date.iso])
        }
    }

    /// Refuses a correction of a missing or already corrected record, or one that changes
    /// nothing (``AppDatabase/checkCorrection(_:of:)``). Locks the corrected record until commit.
    private static func checkAmendable(_ minutes: Minutes, original: Int64, on client: PostgresClient) async throws {
        guard !(try await client.rows("SELECT id FROM minutes WHERE id = $1 FOR UPDATE", [.integer(original)])).isEmpty,
            let corrected = try await fetchMinutes(where: "m.id = $1", [.integer(original)], on: client).first
        else {
            throw StoreError("minutes.not-found", ["id": String(original)])
        }
        let newer = try await client.rows("SELECT id FROM minutes WHERE amends_id = $1 ORDER BY id LIMIT 1", [.integer(original)])
        if let row = newer.first {
            let id = try PostgresRow(row, table: "minutes").integer(0, "id")
            throw StoreError("minutes.already-amended", ["id": String(original), "newer": String(id)])
        }
        try AppDatabase.checkCorrection(minutes, of: try await withActionNumbers(corrected, on: client))
    }

    /// Refuses minutes of a meeting that has minutes or is cancelled (one query for both).
    private static func checkNewMeeting(_ minutes: Minutes, on client: PostgresClient) async throws {
        let planned = minutes.plannedDate ?? minutes.date
        let rows = try await client.rows(
            """
            SELECT (SELECT id FROM minutes WHERE structure_id = $1 AND meeting_date = $2 AND amends_id IS NULL LIMIT 1),
                   EXISTS (SELECT 1 FROM cancelled_meetings WHERE structure_id = $1 AND meeting_date = $3)
            """, [.text(minutes.structureID), .text(minutes.date.iso), .text(planned.iso)])
        guard let row = rows.first.map({ PostgresRow($0, table: "minutes") }) else { return }
        if let existing = try row.optionalInteger(0, "id") {
            throw StoreError("minutes.exist", ["id": String(existing), "structure": minutes.structureID, "date": minutes.date.iso])
        }
        // A cancelled meeting has no minutes: the cancellation would silently disappear.
        if try row.bool(1, "meeting_date") {
            throw StoreError("minutes.meeting-cancelled", ["structure": minutes.structureID, "date": planned.iso])
        }
    }
}

extension DatabaseAdminError {
    /// Whether this is the server refusing a statement for the named constraint or index.
    func violates(_ constraint: String) -> Bool {
        code == "db.statement-failed" && values["state"] == "23505" && (values["detail"] ?? "").contains("\"\(constraint)\"")
    }
}
