internal import GRDB
import SamverkanDomain

/// A row of `minutes_organisation_attendance`: a member organisation at (or absent from) a
/// meeting without a configured person, with who came.
struct OrganisationAttendanceRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "minutes_organisation_attendance"

    var minutesID: Int64
    var position: Int
    var organisationID: String
    /// Stored as its raw value (`region`, `municipality`, `other`).
    var principal: Principal
    var present: Bool
    var attendee: String

    enum CodingKeys: String, CodingKey {
        case position, principal, present, attendee
        case minutesID = "minutes_id"
        case organisationID = "organisation_id"
    }

    init(_ attendance: OrganisationAttendance, minutesID: Int64, position: Int) {
        self.minutesID = minutesID
        self.position = position
        organisationID = attendance.organisationID
        principal = attendance.principal
        present = attendance.present
        attendee = attendance.attendee
    }

    var attendance: OrganisationAttendance {
        OrganisationAttendance(organisationID: organisationID, principal: principal, present: present, attendee: attendee)
    }
}
