internal import GRDB
import SamverkanDomain
import SamverkanTime

/// A row of `minutes`: one set of minutes without its child rows.
///
/// The summary columns (`present_sides`, `present_organisations`, `covered_items`) are not
/// here: triggers keep them from the attendance and agenda rows (see
/// `AppDatabase.registerSummaryMigrations`), and only the report reads them.
struct MinutesRecord: Codable, FetchableRecord, StoreRow, MutablePersistableRecord {
    static let databaseTableName = "minutes"

    var id: Int64?
    var structureID: String
    var meetingDate: LocalDate
    var meetingTime: LocalTime?
    var plannedDate: LocalDate?
    var place: String
    var chair: String
    var secretary: String
    /// One name a line.
    var approvers: String
    var previousApproved: Bool?
    var amendsID: Int64?
    /// ISO 8601 timestamp.
    var createdAt: String
    var approvedAt: String?
    var approvedOn: LocalDate?
    /// One name a line.
    var approvedBy: String?
    var contentHash: String?

    enum CodingKeys: String, CodingKey {
        case id, place, chair, secretary, approvers
        case structureID = "structure_id"
        case meetingDate = "meeting_date"
        case meetingTime = "meeting_time"
        case plannedDate = "planned_date"
        case previousApproved = "previous_approved"
        case amendsID = "amends_id"
        case createdAt = "created_at"
        case approvedAt = "approved_at"
        case approvedOn = "approved_on"
        case approvedBy = "approved_by"
        case contentHash = "content_hash"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The row of new minutes, not approved (`AppDatabase.writeApproval` writes the approval).
    init(_ minutes: Minutes, createdAt: String) {
        id = minutes.id
        structureID = minutes.structureID
        meetingDate = minutes.date
        meetingTime = minutes.time
        plannedDate = minutes.plannedDate
        place = minutes.place
        chair = minutes.chair
        secretary = minutes.secretary
        approvers = minutes.approvers.joined(separator: "\n")
        previousApproved = minutes.previousApproved
        amendsID = minutes.amends
        self.createdAt = createdAt
    }

    /// The minutes, without their child rows.
    /// - Throws: ``StoreError`` when the approval columns are only partly set.
    func minutes() throws -> Minutes {
        var minutes = Minutes(
            id: id, structureID: structureID, date: meetingDate, time: meetingTime, plannedDate: plannedDate,
            place: place, chair: chair, secretary: secretary, approvers: Self.lines(approvers),
            previousApproved: previousApproved, amends: amendsID, createdAt: createdAt)
        switch (approvedAt, approvedOn, approvedBy, contentHash) {
        case (nil, nil, nil, nil):
            break
        case (let recordedAt?, let date?, let by?, let hash?):
            minutes.approval = Approval(by: Self.lines(by), date: date, recordedAt: recordedAt, contentHash: hash)
        default:
            throw StoreError.unreadable(Self.databaseTableName, column: "approved_at")
        }
        return minutes
    }

    /// The lines of a column holding one name a line.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}
