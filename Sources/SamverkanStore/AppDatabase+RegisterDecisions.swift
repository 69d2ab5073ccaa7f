internal import GRDB
public import SamverkanDomain
public import SamverkanTime

extension AppDatabase {
    /// Makes a coordinator's decision (`samverkan meeting cancel|move|add|restore`): checks it
    /// against the structure's meetings in the register, stores it, and derives the structure's
    /// meetings again, all in one transaction. Nothing is stored when it is refused.
    /// - Parameters:
    ///   - decision: what was decided.
    ///   - configuration: the configuration the register follows (brought up to date first).
    ///   - through: the last day the register covers.
    ///   - now: ISO 8601 UTC timestamp for the structure's derivation.
    /// - Returns: the structure's meeting the decision is about, as it now stands (nil when an
    ///   extra meeting was taken back).
    /// - Throws: ``RegisterError`` when the decision cannot be made; ``StoreError`` when the
    ///   meeting has minutes (cancel, move, restore) or the structure is unknown.
    @discardableResult
    public func decide(
        _ decision: MeetingDecision, configuration: RegionConfiguration, scheduler: Scheduler,
        through: LocalDate, now: String
    ) throws -> RegisteredMeeting? {
        guard let structure = configuration.structure(decision.structureID) else {
            throw StoreError("lookup.unknown-structure", ["ids": "\"\(decision.structureID)\""])
        }
        _ = try refreshRegister(configuration, scheduler: scheduler, through: max(through, decision.start?.date ?? decision.date), now: now)
        return try immediateWrite { db in
            let meetings = try Self.registeredMeetings(db, structureIDs: [structure.id], from: nil, through: nil)
            try MeetingRegister.check(decision, meetings: meetings, structure: structure, scheduler: scheduler)
            if decision.action != .add,
                let id = try SQLRequest<Int64>(
                    """
                    SELECT id FROM minutes WHERE structure_id = \(structure.id) AND amends_id IS NULL
                      AND (planned_date = \(decision.date.iso) OR meeting_date = \(decision.date.iso))
                    """
                ).fetchOne(db)
            {
                throw StoreError(decision.hasMinutesCode, ["structure": structure.id, "date": decision.date.iso, "id": String(id)])
            }
            try Self.record(db, decision)
            try audit(db, decision.auditAction, .meeting(structureID: structure.id, date: decision.date.iso), detail: decision.auditDetail)
            var refresh = RegisterRefresh()
            let horizon = max(through, decision.start?.date ?? decision.date)
            try Self.derive(
                db, structure, configuration: configuration, scheduler: scheduler, through: horizon,
                hash: Self.registerHash(structure, configuration), now: now, into: &refresh)
            let after = try Self.registeredMeetings(db, structureIDs: [structure.id], from: nil, through: nil)
            return after.first { $0.decision == decision } ?? after.first { $0.plannedDate == decision.date && $0.state != .extra }
        }
    }

    /// The decisions about a structure's meetings, oldest first.
    public func decisions(structureID: String) throws -> [MeetingDecision] {
        try read { db in
            try MeetingDecisionRecord.fetchAllChecked(
                db,
                """
                SELECT * FROM meeting_decisions WHERE structure_id = \(structureID) ORDER BY id
                """
            ).map { try $0.decision() }
        }
    }

    /// Stores a decision and marks the structure's meetings for derivation at the next refresh.
    static func record(_ db: Database, _ decision: MeetingDecision) throws {
        var record = MeetingDecisionRecord(decision)
        try record.insert(db)
        try db.execute(literal: "DELETE FROM register_structures WHERE structure_id = \(decision.structureID)")
    }
}

extension MeetingDecision {
    /// The audit log's action for the decision.
    public var auditAction: AuditAction {
        switch action {
        case .cancel: .meetingCancelled
        case .move: .meetingMoved
        case .add: .meetingAdded
        case .restore: .meetingRestored
        }
    }

    /// The refusal when the meeting has minutes, naming the action attempted.
    var hasMinutesCode: String {
        switch action {
        case .cancel, .add: "meeting.has-minutes"
        case .move: "meeting.has-minutes-move"
        case .restore: "meeting.has-minutes-restore"
        }
    }

    /// The audit log's detail: the new day of a moved meeting (never the reason, which is free text).
    var auditDetail: String? {
        action == .move ? start.map { "to=\($0.date.iso)" } : nil
    }
}
