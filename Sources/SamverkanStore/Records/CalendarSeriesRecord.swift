internal import GRDB

/// A row of `calendar_series`: what was last exported for a series, and its `SEQUENCE`.
struct CalendarSeriesRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "calendar_series"

    var uid: String
    var structureID: String
    var contentHash: String
    var sequence: Int
    /// ISO 8601 timestamp of the last change.
    var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case uid, sequence
        case structureID = "structure_id"
        case contentHash = "content_hash"
        case updatedAt = "updated_at"
    }
}
