internal import GRDB
import SamverkanDomain

/// A row of `minutes_attendance`: one person at (or absent from) a meeting.
struct AttendanceRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "minutes_attendance"

    var minutesID: Int64
    var position: Int
    var personID: String
    var organisationID: String
    /// Stored as its raw value (`region`, `municipality`, `other`).
    var principal: Principal
    var present: Bool
    var substitute: String?

    enum CodingKeys: String, CodingKey {
        case position, principal, present, substitute
        case minutesID = "minutes_id"
        case personID = "person_id"
        case organisationID = "organisation_id"
    }

    init(_ attendance: Attendance, minutesID: Int64, position: Int) {
        self.minutesID = minutesID
        self.position = position
        personID = attendance.personID
        organisationID = attendance.organisationID
        principal = attendance.principal
        present = attendance.present
        substitute = attendance.substitute
    }

    var attendance: Attendance {
        Attendance(personID: personID, organisationID: organisationID, principal: principal, present: present, substitute: substitute)
    }
}
