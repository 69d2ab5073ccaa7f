internal import GRDB
import SamverkanDomain

/// A row of `activity_follow_ups`: the status of an action-plan activity recorded at a meeting.
struct ActivityFollowUpRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "activity_follow_ups"

    var minutesID: Int64
    var position: Int
    var activityID: String
    /// Stored as its raw value (`not-started`, `started`, `partly`, `done`).
    var status: ActivityStatus
    var comment: String

    enum CodingKeys: String, CodingKey {
        case position, status, comment
        case minutesID = "minutes_id"
        case activityID = "activity_id"
    }

    init(_ followUp: ActivityFollowUp, minutesID: Int64, position: Int) {
        self.minutesID = minutesID
        self.position = position
        activityID = followUp.activityID
        status = followUp.status
        comment = followUp.comment
    }

    var followUp: ActivityFollowUp {
        ActivityFollowUp(activityID: activityID, status: status, comment: comment)
    }
}
