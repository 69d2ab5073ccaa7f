internal import GRDB
import SamverkanDomain

/// A row of `minutes_items`: a free agenda item of a meeting.
struct MinutesItemRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "minutes_items"

    var minutesID: Int64
    var position: Int
    var title: String
    var notes: String

    enum CodingKeys: String, CodingKey {
        case position, title, notes
        case minutesID = "minutes_id"
    }

    init(_ item: FreeAgendaItem, minutesID: Int64, position: Int) {
        self.minutesID = minutesID
        self.position = position
        title = item.title
        notes = item.notes
    }

    var item: FreeAgendaItem {
        FreeAgendaItem(title: title, notes: notes)
    }
}
