internal import GRDB
import SamverkanDomain

/// A row of `decisions`: a decision of a meeting, numbered `§ N` per structure and year at approval.
struct DecisionRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "decisions"

    var minutesID: Int64
    var position: Int
    var structureID: String
    /// The calendar year of the meeting.
    var year: Int
    var number: Int?
    var inherited: Bool
    var text: String

    enum CodingKeys: String, CodingKey {
        case position, year, number, inherited, text
        case minutesID = "minutes_id"
        case structureID = "structure_id"
    }

    init(_ decision: Decision, minutesID: Int64, position: Int, structureID: String, year: Int) {
        self.minutesID = minutesID
        self.position = position
        self.structureID = structureID
        self.year = year
        number = decision.number
        inherited = decision.inherited
        text = decision.text
    }

    var decision: Decision {
        Decision(number: number, text: text, inherited: inherited)
    }
}
