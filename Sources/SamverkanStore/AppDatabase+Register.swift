internal import GRDB
public import SamverkanDomain
public import SamverkanTime

/// What bringing the register up to date with the configuration did, and what it could not
/// place: decisions and minutes whose meeting the configuration no longer plans are reported,
/// never silently dropped (they stay stored).
public struct RegisterRefresh: Sendable, Hashable {
    /// Minutes recorded for a planned date that is no longer a meeting of the structure.
    public struct StrandedMinutes: Sendable, Hashable {
        public var structureID: String
        public var plannedDate: LocalDate
        public var minutesID: Int64

        public init(structureID: String, plannedDate: LocalDate, minutesID: Int64) {
            self.structureID = structureID
            self.plannedDate = plannedDate
            self.minutesID = minutesID
        }
    }

    /// Structures whose meetings were derived again (changed, new, or the window grew).
    public var derived: [String] = []
    /// Structures no longer in the configuration; their meetings left the register.
    public var removed: [String] = []
    /// Decisions about a date the configuration no longer plans.
    public var unmatchedDecisions: [MeetingDecision] = []
    public var strandedMinutes: [StrandedMinutes] = []

    /// Nothing done yet.
    public init() {}

    /// Whether something needs a coordinator's attention.
    public var needsAttention: Bool { !unmatchedDecisions.isEmpty || !strandedMinutes.isEmpty }
}

extension AppDatabase {
    /// Brings the meeting register up to date with a configuration: every structure whose
    /// scheduling changed (or that is new, or whose meetings were derived a shorter way ahead)
    /// is derived again with its decisions applied; unchanged structures are not touched.
    /// Idempotent: a second call with the same configuration changes nothing.
    /// - Parameters:
    ///   - through: the last day the register must cover.
    ///   - now: ISO 8601 UTC timestamp, recorded per derived structure.
    /// - Throws: ``ScheduleError`` or `ICalError` when a schedule cannot be made; ``StoreError``.
    public func refreshRegister(
        _ configuration: RegionConfiguration, scheduler: Scheduler, through: LocalDate,
        now: String
    ) throws -> RegisterRefresh {
        // Most commands find the register current: a read, and no write lock taken.
        let digests = registerDigests.digests(configuration)
        if try read({ db in try Self.registerIsCurrent(db, configuration, through: through, digests: digests) }) {
            return RegisterRefresh()
        }
        return try immediateWrite { db in
            var refresh = RegisterRefresh()
            let stored = try RegisterStructureRecord.fetchAllChecked(db, "SELECT * FROM register_structures")
            let known = Dictionary(stored.map { ($0.structureID, $0) }, uniquingKeysWith: { a, _ in a })
            for (structure, hash) in zip(configuration.structures, digests) {
                if let record = known[structure.id], record.contentHash == hash, record.derivedThrough >= through { continue }
                try Self.derive(
                    db, structure, configuration: configuration, scheduler: scheduler, through: through,
                    hash: hash, now: now, into: &refresh)
            }
            let current = Set(configuration.structures.map(\.id))
            for record in stored where !current.contains(record.structureID) {
                try db.execute(literal: "DELETE FROM meetings WHERE structure_id = \(record.structureID)")
                try db.execute(literal: "DELETE FROM register_structures WHERE structure_id = \(record.structureID)")
                refresh.removed.append(record.structureID)
            }
            return refresh
        }
    }

    /// Whether the register covers a configuration through a day without deriving anything.
    public func registerIsCurrent(_ configuration: RegionConfiguration, through: LocalDate) throws -> Bool {
        let digests = registerDigests.digests(configuration)
        return try read { db in try Self.registerIsCurrent(db, configuration, through: through, digests: digests) }
    }

    /// ``registerIsCurrent(_:through:)`` in the caller's transaction, with the structures'
    /// digests (``registerHash(_:_:)``, in configuration order).
    static func registerIsCurrent(
        _ db: Database, _ configuration: RegionConfiguration, through: LocalDate,
        digests: [String]
    ) throws -> Bool {
        // Every command checks this (a report twice): a hand-written cursor over the two
        // columns it compares, each read checked, instead of decoding every record.
        let table = RegisterStructureRecord.databaseTableName
        let cursor = try Row.fetchCursor(db, sql: "SELECT structure_id, content_hash, derived_through FROM register_structures")
        var known: [String: (hash: String, through: LocalDate)] = [:]
        var count = 0
        while let row = try cursor.next() {
            count += 1
            let id = try row.checked(0, table, "structure_id", as: String.self)
            let hash = try row.checked(1, table, "content_hash", as: String.self)
            let derived = try row.checkedDate(2, table, "derived_through")
            if known[id] == nil { known[id] = (hash, derived) }
        }
        return count == configuration.structures.count
            && zip(configuration.structures, digests).allSatisfy { structure, digest in
                guard let record = known[structure.id] else { return false }
                return record.hash == digest && record.through >= through
            }
    }

    /// Derives one structure's meetings again, in the caller's transaction.
    static func derive(
        _ db: Database, _ structure: CollaborationStructure, configuration: RegionConfiguration,
        scheduler: Scheduler, through: LocalDate, hash: String, now: String,
        into refresh: inout RegisterRefresh
    ) throws {
        let last = min(structure.until ?? through, through)
        let occurrences = structure.starts <= last ? try scheduler.occurrences(of: structure, from: structure.starts, through: last) : []
        let records = try MeetingDecisionRecord.fetchAllChecked(
            db,
            """
            SELECT * FROM meeting_decisions WHERE structure_id = \(structure.id) ORDER BY id
            """)
        var ids: [MeetingDecision: Int64] = [:]
        let decisions = try records.map { record -> MeetingDecision in
            let decision = try record.decision()
            ids[decision] = record.id
            return decision
        }
        let derivation = MeetingRegister.derive(structure, occurrences: occurrences, decisions: decisions, configuration: configuration)
        try db.execute(literal: "DELETE FROM meetings WHERE structure_id = \(structure.id)")
        for meeting in derivation.meetings {
            try RegisteredMeetingRecord(meeting, decisionID: meeting.decision.flatMap { ids[$0] }).insert(db)
        }
        try RegisterStructureRecord(structureID: structure.id, contentHash: hash, derivedThrough: through, derivedAt: now).save(db)
        refresh.derived.append(structure.id)
        refresh.unmatchedDecisions += derivation.unmatched
        let planned = Set(derivation.meetings.filter { $0.state != .extra && $0.state != .skipped }.map(\.plannedDate))
        let recorded = try SQLRequest<Row>(
            """
            SELECT id, planned_date FROM minutes
            WHERE structure_id = \(structure.id) AND amends_id IS NULL AND planned_date IS NOT NULL AND planned_date <= \(last.iso)
            ORDER BY planned_date
            """
        ).fetchAll(db)
        for row in recorded {
            let date = try row.checkedDate(1, "minutes", "planned_date")
            if !planned.contains(date) {
                refresh.strandedMinutes.append(
                    .init(
                        structureID: structure.id, plannedDate: date,
                        minutesID: try row.checked(0, "minutes", "id")))
            }
        }
    }

    /// A digest of everything a structure's meetings are derived from (see ``RegisterDigest``).
    static func registerHash(_ structure: CollaborationStructure, _ configuration: RegionConfiguration) -> String {
        RegisterDigest(structure, region: configuration.region.id).text
    }
}
