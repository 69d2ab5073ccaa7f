import SamverkanTime
internal import GRDB
import SamverkanDomain

/// A row of `cancelled_meetings`: a planned meeting that was not held, and why.
struct CancelledMeetingRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "cancelled_meetings"

    var structureID: String
    var meetingDate: LocalDate
    var reason: String
    /// ISO 8601 timestamp.
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case reason
        case structureID = "structure_id", meetingDate = "meeting_date", createdAt = "created_at"
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
