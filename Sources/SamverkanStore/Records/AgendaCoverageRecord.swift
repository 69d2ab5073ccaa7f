internal import GRDB
import SamverkanDomain

/// A row of `minutes_agenda`: whether a standing agenda item was covered at a meeting.
struct AgendaCoverageRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "minutes_agenda"

    var minutesID: Int64
    var position: Int
    var agendaItemID: String
    var covered: Bool
    var notes: String

    enum CodingKeys: String, CodingKey {
        case position, covered, notes
        case minutesID = "minutes_id"
        case agendaItemID = "agenda_item_id"
    }

    init(_ coverage: AgendaCoverage, minutesID: Int64, position: Int) {
        self.minutesID = minutesID
        self.position = position
        agendaItemID = coverage.itemID
        covered = coverage.covered
        notes = coverage.notes
    }

    var coverage: AgendaCoverage {
        AgendaCoverage(itemID: agendaItemID, covered: covered, notes: notes)
    }
}
