import Foundation
internal import GRDB

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
        try write { db in
            let now = ISO8601DateFormatter().string(from: Date())
            let request: SQLRequest<CalendarSeriesRecord> = "SELECT * FROM calendar_series WHERE uid = \(uid)"
            if var series = try CalendarSeriesRecord.fetchOneChecked(db, request) {
                guard bump || series.contentHash != contentHash else { return series.sequence }
                series.contentHash = contentHash
                series.sequence += 1
                series.updatedAt = now
                try series.update(db)
                return series.sequence
            }
            try CalendarSeriesRecord(uid: uid, structureID: structureID, contentHash: contentHash, sequence: 0, updatedAt: now).insert(db)
            return 0
        }
    }
}
