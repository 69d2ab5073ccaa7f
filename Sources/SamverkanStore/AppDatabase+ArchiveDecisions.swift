internal import GRDB
import SamverkanDomain
import SamverkanTime

extension AppDatabase {
    /// Stores an archive's meeting decisions, oldest first, as `samverkan meeting` stores a
    /// decision (``record(_:_:)``: the structure's meetings are derived again at the next
    /// refresh, so the register applies them), in the caller's transaction, each with its audit
    /// row (detail `imported`).
    ///
    /// A decision the database holds already (every field the same, who and when included) is
    /// skipped, once for each time it is held, so importing twice adds nothing and an archive of
    /// a database that went on deciding adds only what is new.
    /// - Returns: how many decisions were added.
    /// - Throws: ``StoreError`` `archive.wrong-value` naming a decision without a reason, or
    ///   whose start does not fit its action (a move or an extra meeting needs one, others none).
    func importDecisions(_ decisions: [MeetingDecision], db: Database) throws -> Int {
        for (index, decision) in decisions.enumerated() where !decision.isWellFormed {
            let field = decision.reason.contains { !$0.isWhitespace } ? "start" : "reason"
            throw StoreError("archive.wrong-value", ["path": ".meetingDecisions[\(index)].\(field)"])
        }
        var held = try MeetingDecisionRecord.fetchAllChecked(db, "SELECT * FROM meeting_decisions ORDER BY id").map {
            try $0.decision()
        }
        var added = 0
        for decision in decisions {
            if let index = held.firstIndex(of: decision) {
                held.remove(at: index)
                continue
            }
            try Self.record(db, decision)
            try audit(db, decision.auditAction, .meeting(structureID: decision.structureID, date: decision.date.iso), detail: "imported")
            added += 1
        }
        return added
    }
}
