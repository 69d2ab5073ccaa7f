internal import GRDB
import SamverkanDomain

/// A row of `action_follow_ups`: the status of an action item recorded at a meeting.
struct ActionFollowUpRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "action_follow_ups"

    var minutesID: Int64
    var position: Int
    var actionID: Int64
    /// Stored as its raw value (`not-started`, `in-progress`, `partly`, `done`).
    var status: ActionStatus
    var comment: String

    enum CodingKeys: String, CodingKey {
        case position, status, comment
        case minutesID = "minutes_id"
        case actionID = "action_id"
    }

    init(_ followUp: ActionFollowUp, minutesID: Int64, position: Int) {
        self.minutesID = minutesID
        self.position = position
        actionID = followUp.actionID
        status = followUp.status
        comment = followUp.comment
    }

    var followUp: ActionFollowUp {
        ActionFollowUp(actionID: actionID, status: status, comment: comment)
    }
}
