import Foundation
public import SamverkanDomain
public import SamverkanStore
public import SamverkanTime

extension PostgresStore {
    /// The structures' register digests, described once per structure in this process (a
    /// command checks the register more than once).
    static let registerDigests = RegisterDigests()
    /// The advisory lock held by every transaction writing the register (`refresh`, `decide`):
    /// two processes deriving at once take turns, and the second finds the work done.
    static let registerLock: Int64 = 0x5341_4d56_5245_4731

    /// Whether the register covers a configuration through a day without deriving anything.
    public func registerIsCurrent(_ configuration: RegionConfiguration, through: LocalDate) async throws -> Bool {
        let stored = try await Self.registerStructures(client)
        return Self.covers(stored, configuration, Self.registerDigests.digests(configuration), through: through)
    }

    /// Brings the meeting register up to date with a configuration, as
    /// ``AppDatabase/refreshRegister(_:scheduler:through:now:)`` does: every structure whose
    /// scheduling changed (or that is new, or was derived a shorter way ahead) is derived again
    /// with its decisions; structures no longer configured leave the register. Idempotent, and
    /// safe when two processes refresh at once: the writing transaction holds the register's
    /// advisory lock and looks again at what is stored once it has it.
    public func refreshRegister(_ configuration: RegionConfiguration, scheduler: Scheduler, through: LocalDate, now: String) async throws
        -> RegisterRefresh
    {
        let digests = Self.registerDigests.digests(configuration)
        if Self.covers(try await Self.registerStructures(client), configuration, digests, through: through) { return RegisterRefresh() }
        return try await client.transaction { client in
            try await client.execute("SELECT pg_advisory_xact_lock($1)", [.integer(Self.registerLock)])
            var refresh = RegisterRefresh()
            let stored = try await Self.registerStructures(client)
            let known = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let stale = zip(configuration.structures, digests).filter { structure, digest in
                guard let record = known[structure.id] else { return true }
                return record.hash != digest || record.through < through
            }
            try await Self.derive(
                client, stale.map { ($0.0, $0.1) }, configuration: configuration, scheduler: scheduler, through: through, now: now,
                into: &refresh)
            let current = Set(configuration.structures.map(\.id))
            refresh.removed = stored.map(\.id).filter { !current.contains($0) }
            if !refresh.removed.isEmpty {
                let removed = RegisterSQL.list(refresh.removed)
                try await client.execute("DELETE FROM meetings WHERE structure_id = ANY(string_to_array($1, chr(31)))", [removed])
                try await client.execute(
                    "DELETE FROM register_structures WHERE structure_id = ANY(string_to_array($1, chr(31)))", [removed])
            }
            return refresh
        }
    }

    /// What `register_structures` says of each structure derived, in the order stored.
    static func registerStructures(_ client: PostgresClient) async throws -> [(id: String, hash: String, through: LocalDate)] {
        try await client.checkedRows(
            "SELECT structure_id, content_hash, derived_through FROM register_structures", table: "register_structures"
        ).map { row in (try row.text(0, "structure_id"), try row.text(1, "content_hash"), try row.date(2, "derived_through")) }
    }

    /// Whether stored derivations cover every structure of a configuration (by digest, in
    /// configuration order) through a day, and no other structure.
    static func covers(
        _ stored: [(id: String, hash: String, through: LocalDate)], _ configuration: RegionConfiguration, _ digests: [String],
        through: LocalDate
    ) -> Bool {
        guard stored.count == configuration.structures.count else { return false }
        var known: [String: (hash: String, through: LocalDate)] = [:]
        for entry in stored where known[entry.id] == nil { known[entry.id] = (entry.hash, entry.through) }
        for (structure, digest) in zip(configuration.structures, digests) {
            guard let entry = known[structure.id], entry.hash == digest, entry.through >= through else { return false }
        }
        return true
    }

    /// Derives structures' meetings again (with their digests), in the caller's transaction:
    /// their decisions and recorded minutes are read once for all of them, their meetings
    /// replaced in batches, and minutes whose planned date is no longer planned reported.
    static func derive(
        _ client: PostgresClient, _ structures: [(CollaborationStructure, String)], configuration: RegionConfiguration,
        scheduler: Scheduler, through: LocalDate, now: String, into refresh: inout RegisterRefresh
    ) async throws {
        guard !structures.isEmpty else { return }
        let ids = RegisterSQL.list(structures.map(\.0.id))
        var decisions: [String: [(id: Int64, decision: MeetingDecision)]] = [:]
        for stored in try await storedDecisions(client, "structure_id = ANY(string_to_array($1, chr(31)))", [ids]) {
            decisions[stored.structureID, default: []].append((stored.id ?? 0, try StoredRegisterRows.decision(stored)))
        }
        var recorded: [String: [(id: Int64, planned: LocalDate)]] = [:]
        for row in try await client.checkedRows(
            """
            SELECT structure_id, id, planned_date FROM minutes
            WHERE structure_id = ANY(string_to_array($1, chr(31))) AND amends_id IS NULL AND planned_date IS NOT NULL
            ORDER BY planned_date, id
            """, [ids], table: "minutes")
        {
            recorded[try row.text(0, "structure_id"), default: []].append((try row.integer(1, "id"), try row.date(2, "planned_date")))
        }
        try await client.execute("DELETE FROM meetings WHERE structure_id = ANY(string_to_array($1, chr(31)))", [ids])
        var meetings: [StoredRegisterRows.Meeting] = []
        for (structure, _) in structures {
            let last = min(structure.until ?? through, through)
            let occurrences =
                structure.starts <= last ? try scheduler.occurrences(of: structure, from: structure.starts, through: last) : []
            let known = decisions[structure.id] ?? []
            let decisionIDs = Dictionary(known.map { ($0.decision, $0.id) }, uniquingKeysWith: { _, later in later })
            let derivation = MeetingRegister.derive(
                structure, occurrences: occurrences, decisions: known.map(\.decision), configuration: configuration)
            meetings += derivation.meetings.map { StoredRegisterRows.columns(of: $0, decisionID: $0.decision.flatMap { decisionIDs[$0] }) }
            refresh.derived.append(structure.id)
            refresh.unmatchedDecisions += derivation.unmatched
            let planned = Set(derivation.meetings.filter { $0.state != .extra && $0.state != .skipped }.map(\.plannedDate))
            for minutes in recorded[structure.id] ?? [] where minutes.planned <= last && !planned.contains(minutes.planned) {
                refresh.strandedMinutes.append(.init(structureID: structure.id, plannedDate: minutes.planned, minutesID: minutes.id))
            }
        }
        try await insert(client, meetings)
        for batch in stride(from: 0, to: structures.count, by: 2_000) {
            let part = structures[batch..<min(batch + 2_000, structures.count)]
            var values: [SQLValue] = [.text(through.iso), .text(now)]
            let rows = part.map { structure, hash in
                values += [.text(structure.id), .text(hash)]
                return "($\(values.count - 1), $\(values.count), $1, $2)"
            }
            try await client.execute(
                """
                INSERT INTO register_structures (structure_id, content_hash, derived_through, derived_at)
                VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (structure_id) DO UPDATE
                SET content_hash = EXCLUDED.content_hash, derived_through = EXCLUDED.derived_through, derived_at = EXCLUDED.derived_at
                """, values)
        }
    }

    /// Inserts meetings into `meetings`, many a statement (every value bound).
    static func insert(_ client: PostgresClient, _ meetings: [StoredRegisterRows.Meeting]) async throws {
        for batch in stride(from: 0, to: meetings.count, by: 1_000) {
            var values: [SQLValue] = []
            var rows: [String] = []
            for meeting in meetings[batch..<min(batch + 1_000, meetings.count)] {
                let first = values.count + 1
                values += [
                    .text(meeting.structureID), .text(meeting.plannedDate), .integer(meeting.extra ? 1 : 0), .text(meeting.plannedStart),
                    .text(meeting.uid), .integer(meeting.inSeries ? 1 : 0), .text(meeting.start), .text(meeting.end), .text(meeting.state),
                    meeting.reasonKind.map(SQLValue.text) ?? .null, meeting.reasonCode.map(SQLValue.text) ?? .null,
                    meeting.decisionID.map(SQLValue.integer) ?? .null,
                ]
                rows.append("(" + (first..<first + 12).map { "$\($0)" }.joined(separator: ", ") + ")")
            }
            try await client.execute(
                """
                INSERT INTO meetings (structure_id, planned_date, extra, planned_start, uid, in_series, start, "end", state,
                                      reason_kind, reason_code, decision_id)
                VALUES \(rows.joined(separator: ", "))
                """, values)
        }
    }
}
