import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension PostgresStore {
    /// Stores an archive's meeting decisions, oldest first, as `AppDatabase.importDecisions`
    /// does: one already held (every field the same) is skipped once for each time it is held;
    /// a new one is stored with its audit row (detail `imported`) and its structure's meetings
    /// are derived again at the next refresh.
    /// - Throws: ``StoreError`` `archive.wrong-value` naming a decision without a reason, or
    ///   whose start does not fit its action.
    func importDecisions(_ decisions: [MeetingDecision], client: PostgresClient) async throws -> Int {
        for (index, decision) in decisions.enumerated() where !decision.isWellFormed {
            let field = decision.reason.contains { !$0.isWhitespace } ? "start" : "reason"
            throw StoreError("archive.wrong-value", ["path": ".meetingDecisions[\(index)].\(field)"])
        }
        var held = try StoreRows.decisions(try await PostgresTableJSON.rows(client, from: "meeting_decisions", order: "t.id"))
        var added = 0
        for decision in decisions {
            if let index = held.firstIndex(of: decision) {
                held.remove(at: index)
                continue
            }
            try await record(decision, client: client, detail: "imported")
            added += 1
        }
        return added
    }

    /// Stores the cancellations of a version 1 archive as decisions: one already cancelled for
    /// the same reason is skipped; for another reason the archive is refused
    /// (`archive.cancelled-otherwise`).
    func importCancellations(_ cancelled: [CancelledMeeting], client: PostgresClient) async throws -> Int {
        var added = 0
        for meeting in cancelled {
            let held = try await client.rows(
                "SELECT reason FROM cancelled_meetings WHERE structure_id = $1 AND meeting_date = $2",
                [.text(meeting.structureID), .text(meeting.date.iso)])
            if let row = held.first {
                guard row.first == .text(meeting.reason) else {
                    throw StoreError("archive.cancelled-otherwise", ["structure": meeting.structureID, "date": meeting.date.iso])
                }
                continue
            }
            let decision = MeetingDecision(
                structureID: meeting.structureID, date: meeting.date, action: .cancel, reason: meeting.reason, decidedAt: meeting.createdAt)
            try await record(decision, client: client, detail: "imported")
            added += 1
        }
        return added
    }

    /// Stores a decision, marks its structure's meetings for derivation at the next refresh and
    /// records the audit row, in the caller's transaction.
    private func record(_ decision: MeetingDecision, client: PostgresClient, detail: String?) async throws {
        try await Self.insert([try StoreRows.decisionRow(decision)], client: client)
        try await client.execute("DELETE FROM register_structures WHERE structure_id = $1", [.text(decision.structureID)])
        try await appendAudit(
            decision.auditAction, .meeting(structureID: decision.structureID, date: decision.date.iso), detail: detail, on: client)
    }
}
