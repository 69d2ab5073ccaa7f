internal import GRDB

/// A row of the full-text table `minutes_search` (FTS5): every text of one set of minutes,
/// under the minutes' id as `rowid`.
struct MinutesSearchRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "minutes_search"

    var rowid: Int64
    var body: String
}
