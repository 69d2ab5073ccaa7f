import Foundation
import GRDB

extension AppDatabase {
    /// The `SEQUENCE` to write for a series, remembering what was exported.
    ///
    /// The sequence stays the same while the series' content is unchanged, and rises by one when
    /// it changes (RFC 5546: every change sent again has a higher SEQUENCE), so clients update the
    /// meeting instead of showing a duplicate.
    /// - Parameters:
    ///   - uid: the series' UID.
    ///   - structureID: the structure it belongs to.
    ///   - contentHash: a digest of everything the export writes for the series.
    ///   - bump: raise the sequence even if the content is unchanged (every invitation does).
    public func sequence(uid: String, structureID: String, contentHash: String, bump: Bool = false) throws -> Int {
        try writer.write { db in
            let now = ISO8601DateFormatter().string(from: Date())
            if let row = try Row.fetchOne(db, sql: "SELECT content_hash, sequence FROM calendar_series WHERE uid = ?", arguments: [uid]) {
                let stored: String = row["content_hash"]
                let sequence: Int = row["sequence"]
                guard bump || stored != contentHash else { return sequence }
                try db.execute(sql: "UPDATE calendar_series SET content_hash = ?, sequence = ?, updated_at = ? WHERE uid = ?",
                               arguments: [contentHash, sequence + 1, now, uid])
                return sequence + 1
            }
            try db.execute(sql: "INSERT INTO calendar_series (uid, structure_id, content_hash, sequence, updated_at) VALUES (?, ?, ?, 0, ?)",
                           arguments: [uid, structureID, contentHash, now])
            return 0
        }
    }
}
