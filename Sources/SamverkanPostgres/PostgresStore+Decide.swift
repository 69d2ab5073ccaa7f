public import SamverkanDomain
import SamverkanStore
public import SamverkanTime

extension PostgresStore {
    /// Makes a coordinator's decision (`samverkan meeting cancel|move|add|restore`), as
    /// ``AppDatabase/decide(_:configuration:scheduler:through:now:)`` does: checked against the
    /// structure's meetings in the register, stored, recorded in the audit log, and the
    /// structure's meetings derived again, all in one transaction holding the register's lock.
    /// Nothing is stored when it is refused.
    /// - Returns: the structure's meeting the decision is about, as it now stands (nil when an
    ///   extra meeting was taken back).
    /// - Throws: ``RegisterError`` when the decision cannot be made; ``StoreError`` when the
    ///   meeting has minutes (cancel, move, restore) or the structure is unknown.
    @discardableResult
    public func decide(
        _ decision: MeetingDecision, configuration: RegionConfiguration, scheduler: Scheduler, through: LocalDate, now: String
    ) async throws -> RegisteredMeeting? {
        guard let structure = configuration.structure(decision.structureID) else {
            throw StoreError("lookup.unknown-structure", ["ids": "\"\(decision.structureID)\""])
        }
        let horizon = max(through, decision.start?.date ?? decision.date)
        _ = try await refreshRegister(configuration, scheduler: scheduler, through: horizon, now: now)
        let digests = Self.registerDigests.digests(configuration)
        let hash = configuration.structures.firstIndex { $0.id == structure.id }.map { digests[$0] } ?? ""
        return try await client.transaction { client in
            try await client.execute("SELECT pg_advisory_xact_lock($1)", [.integer(Self.registerLock)])
            let meetings = try await Self.registeredMeetings(client, structureIDs: [structure.id], from: nil, through: nil)
            try MeetingRegister.check(decision, meetings: meetings, structure: structure, scheduler: scheduler)
            if decision.action != .add,
                let row = try await client.checkedRows(
                    """
                    SELECT id FROM minutes WHERE structure_id = $1 AND amends_id IS NULL AND (planned_date = $2 OR meeting_date = $2)
                    LIMIT 1
                    """, [.text(structure.id), .text(decision.date.iso)], table: "minutes"
                ).first
            {
                throw StoreError(
                    decision.hasMinutesCode, ["structure": structure.id, "date": decision.date.iso, "id": String(try row.integer(0, "id"))])
            }
            let stored = StoredRegisterRows.columns(of: decision)
            try await client.execute(
                """
                INSERT INTO meeting_decisions (structure_id, meeting_date, action, new_start, reason, decided_by, decided_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """,
                [
                    .text(stored.structureID), .text(stored.meetingDate), .text(stored.action), stored.newStart.map(SQLValue.text) ?? .null,
                    .text(stored.reason), stored.decidedBy.map(SQLValue.text) ?? .null, .text(stored.decidedAt),
                ])
            try await client.execute("DELETE FROM register_structures WHERE structure_id = $1", [.text(structure.id)])
            try await appendAudit(
                decision.auditAction, .meeting(structureID: structure.id, date: decision.date.iso), detail: decision.auditDetail, on: client
            )
            var refresh = RegisterRefresh()
            try await Self.derive(
                client, [(structure, hash)], configuration: configuration,
                scheduler: scheduler, through: horizon, now: now, into: &refresh)
            let after = try await Self.registeredMeetings(client, structureIDs: [structure.id], from: nil, through: nil)
            return after.first { $0.decision == decision } ?? after.first { $0.plannedDate == decision.date && $0.state != .extra }
        }
    }
}
