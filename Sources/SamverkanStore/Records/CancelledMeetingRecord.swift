internal import GRDB
import SamverkanDomain
import SamverkanTime

/// A row of the view `cancelled_meetings`: a planned meeting whose latest decision cancels it,
/// and why (read-only: cancellations are written as `meeting_decisions`).
struct CancelledMeetingRecord: Codable, FetchableRecord, StoreRow, TableRecord {
    static let databaseTableName = "cancelled_meetings"

    var structureID: String
    var meetingDate: LocalDate
    var reason: String
    /// ISO 8601 timestamp.
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case reason
        case structureID = "structure_id"
        case meetingDate = "meeting_date"
        case createdAt = "created_at"
    }

    init(_ meeting: CancelledMeeting) {
        structureID = meeting.structureID
        meetingDate = meeting.date
        reason = meeting.reason
        createdAt = meeting.createdAt
    }

    var meeting: CancelledMeeting {
        CancelledMeeting(structureID: structureID, date: meetingDate, reason: reason, createdAt: createdAt)
    }
}
