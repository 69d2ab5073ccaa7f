public import Foundation
internal import GRDB
public import SamverkanDomain
import SamverkanTime

extension AppDatabase {
    /// Everything about minutes, for `minutes export --format json`.
    public func exportArchive() throws -> MinutesArchive {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM minutes ORDER BY id")
            let minutes = try ids.compactMap { try Self.fetchMinutes(id: $0, db: db) }
            let cancelled = try CancelledMeetingRecord.fetchAllChecked(
                db,
                """
                SELECT * FROM cancelled_meetings ORDER BY meeting_date, structure_id
                """
            ).map(\.meeting)
            let signatures = try ids.flatMap { id in
                try Self.fetchSignatures(minutesID: id, db: db).map { ArchivedSignature(minutesID: id, signature: $0) }
            }
            let decisions = try MeetingDecisionRecord.fetchAllChecked(db, "SELECT * FROM meeting_decisions ORDER BY id").map {
                try $0.decision()
            }
            return MinutesArchive(
                minutes: minutes, cancelled: cancelled, signatures: signatures.isEmpty ? nil : signatures, meetingDecisions: decisions)
        }
    }

    /// The archive as stable, pretty-printed JSON (sorted keys).
    public func exportJSON() throws -> String {
        try StoreRows.json(try exportArchive())
    }

    /// Imports an archive in one transaction, keeping every id, number, signature and approval.
    /// The action items of corrections in an archive written before `v9-action-identity` (no
    /// signatures, no item keeping a number) get the numbers of the original's items as that
    /// migration gives them.
    ///
    /// The coordinators' decisions about meetings (version 2: cancel, move, add, restore, with
    /// who and when) are stored as `samverkan meeting` stores them, oldest first, so the register
    /// applies them when it is next brought up to date; an archive written before version 2
    /// brings its cancellations.
    ///
    /// Records already present with the same content are skipped, so importing twice is
    /// harmless. Approved records whose hash does not match their content are refused.
    /// - Returns: how many minutes and meeting decisions were added.
    /// - Throws: ``StoreError`` naming the record when the archive conflicts with the database
    ///   or was changed after approval; nothing is imported then.
    public func importArchive(_ archive: MinutesArchive) throws -> (minutes: Int, decisions: Int) {
        guard (1...MinutesArchive.currentSchemaVersion).contains(archive.schemaVersion) else {
            throw StoreError("archive.schema-version", ["version": String(archive.schemaVersion)])
        }
        return try immediateWrite { db in
            var added = (minutes: 0, decisions: 0)
            var approved: [Minutes] = []
            let signatures = Dictionary(grouping: archive.signatures ?? [], by: \.minutesID)
            // Written before v9: no signatures (v10 keeps them) and no item keeping a number.
            let beforeV9 = archive.signatures == nil && !archive.minutes.contains { $0.newActions.contains { $0.continues != nil } }
            for record in try Self.insertionOrder(archive.minutes, db: db) {
                guard let id = record.id else { throw StoreError("archive.record-without-id") }
                if let approval = record.approval, !record.isIntact {
                    throw StoreError("archive.changed-after-approval", ["id": String(id), "date": approval.date.iso])
                }
                let unnumbered = beforeV9 && Self.keepsNoNumbers(record)
                if var existing = try Self.fetchMinutes(id: id, db: db) {
                    // A correction from before v9 was given its numbers when first imported.
                    if unnumbered { existing.newActions.indices.forEach { existing.newActions[$0].continues = nil } }
                    guard existing == record else {
                        throw StoreError("archive.conflict", ["id": String(id)])
                    }
                    continue
                }
                var copy = record
                copy.approval = nil
                try Self.importing(id: id) { try Self.insert(&copy, db: db) }
                if unnumbered, let original = record.amends {
                    try Self.linkActionIdentity(correctionID: id, originalID: original, db: db)
                }
                for archived in signatures[id] ?? [] {
                    let signature = archived.signature
                    try Self.insertSignature(
                        minutesID: id, name: signature.name, date: signature.date, recordedAt: signature.recordedAt, db: db)
                }
                if let approval = record.approval {
                    try Self.writeApproval(approval, id: id, db: db)
                    approved.append(record)
                }
                try audit(db, .minutesImported, .minutes(id), detail: record.approval == nil ? nil : "approved=yes")
                added.minutes += 1
            }
            // The new approvals join this database's chain in the order they were approved.
            for record in approved.sorted(by: { ($0.approval?.recordedAt ?? "", $0.id ?? 0) < ($1.approval?.recordedAt ?? "", $1.id ?? 0) })
            {
                try Self.appendChainLink(minutesID: record.id ?? 0, db: db)
            }
            if let decisions = archive.meetingDecisions {
                added.decisions = try importDecisions(decisions, db: db)
                return added
            }
            for meeting in archive.cancelled {
                let existing = try CancelledMeetingRecord.fetchOneChecked(
                    db,
                    """
                    SELECT * FROM cancelled_meetings WHERE structure_id = \(meeting.structureID) AND meeting_date = \(meeting.date.iso)
                    """)
                if let existing {
                    guard existing.reason == meeting.reason else {
                        throw StoreError("archive.cancelled-otherwise", ["structure": meeting.structureID, "date": meeting.date.iso])
                    }
                    continue
                }
                try Self.record(
                    db,
                    MeetingDecision(
                        structureID: meeting.structureID, date: meeting.date, action: .cancel,
                        reason: meeting.reason, decidedAt: meeting.createdAt))
                try audit(db, .meetingCancelled, .meeting(structureID: meeting.structureID, date: meeting.date.iso), detail: "imported")
                added.decisions += 1
            }
            return added
        }
    }

    /// Whether `record` is a correction whose action items keep no number, as every correction
    /// exported before `v9-action-identity`: import of such an archive links them to the
    /// original's items by the rule of that migration (``linkActionIdentity(correctionID:originalID:db:)``).
    public static func keepsNoNumbers(_ record: Minutes) -> Bool {
        record.amends != nil && !record.newActions.isEmpty && record.newActions.allSatisfy { $0.continues == nil }
    }

    /// Reads an archive from JSON.
    /// - Throws: ``StoreError`` saying where the JSON is wrong.
    public static func decodeArchive(_ data: Data) throws -> MinutesArchive {
        if let syntax = JSONSyntaxCheck.firstError(in: data) {
            throw StoreError(syntax.code, ["line": String(syntax.line), "column": String(syntax.column)])
        }
        do { return try JSONDecoder().decode(MinutesArchive.self, from: data) } catch let error as DecodingError {
            // Where the archive is wrong, by its JSON path; never the decoder's own (English) words.
            func path(_ context: DecodingError.Context) -> String {
                let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                return path.isEmpty ? "." : path
            }
            switch error {
            case .keyNotFound(let key, let context):
                throw StoreError("archive.missing-field", ["path": path(context), "field": key.stringValue])
            case .dataCorrupted(let context) where context.codingPath.isEmpty:
                throw StoreError("archive.not-an-archive", ["detail": "-"])
            case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
                throw StoreError("archive.wrong-value", ["path": path(context)])
            @unknown default:
                throw StoreError("archive.not-an-archive", ["detail": "-"])
            }
        }
    }
}
