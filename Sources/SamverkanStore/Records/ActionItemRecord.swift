internal import GRDB
import SamverkanDomain
import SamverkanTime

/// A row of `action_items`: an action item decided at a meeting.
struct ActionItemRecord: Codable, FetchableRecord, StoreRow, MutablePersistableRecord {
    static let databaseTableName = "action_items"

    var id: Int64?
    var minutesID: Int64
    var position: Int
    var structureID: String
    var text: String
    /// Stored as its raw value (`person`, `organisation`).
    var responsibleKind: Responsible.Kind
    var responsibleID: String
    var due: LocalDate
    /// The number kept through a correction (migration `v9-action-identity`).
    var continuesID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, position, text, due
        case minutesID = "minutes_id"
        case structureID = "structure_id"
        case responsibleKind = "responsible_kind"
        case responsibleID = "responsible_id"
        case continuesID = "continues_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ item: ActionItem, minutesID: Int64, position: Int, structureID: String) {
        id = item.id
        self.minutesID = minutesID
        self.position = position
        self.structureID = structureID
        text = item.text
        responsibleKind = item.responsible.kind
        responsibleID = item.responsible.id
        due = item.due
        continuesID = item.continues
    }

    var item: ActionItem {
        ActionItem(
            id: id, text: text, responsible: Responsible(kind: responsibleKind, id: responsibleID), due: due,
            continues: continuesID)
    }
}
