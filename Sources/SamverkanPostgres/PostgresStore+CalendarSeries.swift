import Foundation
import SamverkanStore

extension PostgresStore {
    /// The `SEQUENCE` to write for a calendar series, remembering what was exported (as
    /// `AppDatabase.sequence`): unchanged while the content hash is, one higher when it changes
    /// or when `bump` asks (every invitation does); a new series starts at 0.
    ///
    /// One statement: the upsert locks the series' row, so two exports at once never hand out
    /// the same new sequence for different content.
    public func sequence(uid: String, structureID: String, contentHash: String, bump: Bool) async throws -> Int {
        // Empty only when another export created the series after this statement's snapshot
        // (and the content was the same): the next statement sees it.
        for _ in 0..<3 {
            if let sequence = try await sequenceOnce(uid: uid, structureID: structureID, contentHash: contentHash, bump: bump) {
                return sequence
            }
        }
        throw StoreError("store.internal", ["what": "the calendar series has no row"])
    }

    private func sequenceOnce(uid: String, structureID: String, contentHash: String, bump: Bool) async throws -> Int? {
        let rows = try await client.rows(
            """
            WITH changed AS (
                INSERT INTO calendar_series AS s (uid, structure_id, content_hash, sequence, updated_at)
                VALUES ($1, $2, $3, 0, $4)
                ON CONFLICT (uid) DO UPDATE SET content_hash = EXCLUDED.content_hash, sequence = s.sequence + 1,
                                                updated_at = EXCLUDED.updated_at
                WHERE $5 = 1 OR s.content_hash <> EXCLUDED.content_hash
                RETURNING s.sequence
            )
            SELECT sequence FROM changed
            UNION ALL
            SELECT sequence FROM calendar_series WHERE uid = $1 AND NOT EXISTS (SELECT 1 FROM changed)
            """,
            [
                .text(uid), .text(structureID), .text(contentHash), .text(ISO8601DateFormatter().string(from: Date())),
                .integer(bump ? 1 : 0),
            ])
        guard let first = rows.first else { return nil }
        return Int(try PostgresColumns(table: "calendar_series", columns: ["sequence"]).integer(first, "sequence"))
    }
}
