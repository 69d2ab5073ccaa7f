import Foundation
import SamverkanDomain
import SamverkanStore
import SamverkanTime

extension PostgresStore {
    /// Runs an insert of an archive's record, turning PostgreSQL's constraint failures into the
    /// messages `AppDatabase.importing` gives (which kind of duplicate or reference, never the
    /// row's values): the server names the constraint.
    static func importing(id: Int64, _ body: () async throws -> Void) async throws {
        do { try await body() } catch let error as DatabaseAdminError where error.values["state"]?.hasPrefix("23") == true {
            let message = error.values["detail"] ?? ""
            let values = ["id": String(id)]
            if error.values["state"] == "23503" { throw StoreError("archive.dangling-reference", values) }
            if message.contains("\"minutes_one_per_meeting\"") { throw StoreError("archive.duplicate-meeting", values) }
            if message.contains("\"decisions_paragraph\"") { throw StoreError("archive.duplicate-paragraph", values) }
            if message.contains("\"action_items_pkey\"") { throw StoreError("archive.duplicate-action", values) }
            let constraint = message.split(separator: "\"").dropFirst().first.map(String.init) ?? "-"
            throw StoreError("archive.duplicate-row", values.merging(["columns": constraint]) { $1 })
        }
    }

    /// Gives a correction's items that keep no number the numbers of the original's items they
    /// repeat (``ActionIdentityMatch``), before the correction is approved.
    static func linkActionIdentity(correctionID: Int64, originalID: Int64, client: PostgresClient) async throws {
        let rows = PostgresColumns(table: "action_items", columns: ["id", "identity", "continues_id", "text", "responsible_id", "due"])
        func items(_ minutesID: Int64) async throws -> [ActionIdentityMatch.Item] {
            try await client.rows(
                """
                SELECT id, COALESCE(continues_id, id), continues_id, text, responsible_id, due FROM action_items
                WHERE minutes_id = $1 ORDER BY position
                """, [.integer(minutesID)]
            ).map { row in
                ActionIdentityMatch.Item(
                    id: try rows.integer(row, "id"), identity: try rows.integer(row, "identity"),
                    kept: try rows.optionalInteger(row, "continues_id"),
                    text: try rows.text(row, "text"), responsible: try rows.text(row, "responsible_id"), due: try rows.text(row, "due"))
            }
        }
        for link in ActionIdentityMatch.links(corrected: try await items(correctionID), original: try await items(originalID)) {
            try await client.execute("UPDATE action_items SET continues_id = $1 WHERE id = $2", [.integer(link.number), .integer(link.id)])
        }
    }

    /// Adds a signature unless the name has signed already (in the caller's transaction).
    static func insertSignature(minutesID id: Int64, _ signature: Signature, client: PostgresClient) async throws {
        try await client.execute(
            """
            INSERT INTO minutes_signatures (minutes_id, position, name, signed_on, recorded_at)
            SELECT $1, (SELECT COALESCE(MAX(position) + 1, 0) FROM minutes_signatures WHERE minutes_id = $1), $2, $3, $4
            WHERE NOT EXISTS (SELECT 1 FROM minutes_signatures WHERE minutes_id = $1 AND name = $2)
            """, [.integer(id), .text(signature.name), .text(signature.date.iso), .text(signature.recordedAt)])
    }

    /// Writes the approval columns of stored minutes, after a signature for each approver that
    /// has none yet (one each, on the day of approval), as `AppDatabase.writeApproval`.
    static func writeApproval(_ approval: Approval, id: Int64, client: PostgresClient) async throws {
        for name in approval.by {
            try await insertSignature(
                minutesID: id, Signature(name: name, date: approval.date, recordedAt: approval.recordedAt), client: client)
        }
        try await client.execute(
            "UPDATE minutes SET approved_at = $1, approved_on = $2, approved_by = $3, content_hash = $4 WHERE id = $5",
            [
                .text(approval.recordedAt), .text(approval.date.iso), .text(approval.by.joined(separator: "\n")),
                .text(approval.contentHash),
                .integer(id),
            ])
    }
}
