internal import GRDB
import SamverkanDomain
import SamverkanTime

/// A row of `meeting_decisions`: a coordinator's decision about one meeting (append-only).
struct MeetingDecisionRecord: Codable, FetchableRecord, StoreRow, MutablePersistableRecord {
    static let databaseTableName = "meeting_decisions"

    var id: Int64?
    var structureID: String
    var meetingDate: LocalDate
    var action: MeetingDecision.Action
    /// `YYYY-MM-DDTHH:MM` for a move or an extra meeting.
    var newStart: String?
    var reason: String
    var decidedBy: String?
    /// ISO 8601 UTC timestamp.
    var decidedAt: String

    enum CodingKeys: String, CodingKey {
        case id, action, reason
        case structureID = "structure_id"
        case meetingDate = "meeting_date"
        case newStart = "new_start"
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
    }

    init(_ decision: MeetingDecision) {
        structureID = decision.structureID
        meetingDate = decision.date
        action = decision.action
        newStart = decision.start.map(RegisterText.text)
        reason = decision.reason
        decidedBy = decision.decidedBy
        decidedAt = decision.decidedAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The decision, or a ``StoreError`` when `new_start` cannot be read.
    func decision() throws -> MeetingDecision {
        var start: LocalDateTime?
        if let newStart {
            guard let parsed = RegisterText.dateTime(newStart) else {
                throw StoreError.unreadable(Self.databaseTableName, column: "new_start")
            }
            start = parsed
        }
        return MeetingDecision(
            structureID: structureID, date: meetingDate, action: action, start: start, reason: reason,
            decidedBy: decidedBy, decidedAt: decidedAt)
    }
}

/// How the register writes wall-clock times: `YYYY-MM-DDTHH:MM` (sorts as text).
enum RegisterText {
    static func text(_ value: LocalDateTime) -> String { "\(value.date.iso)T\(value.time)" }

    static func dateTime(_ text: String) -> LocalDateTime? {
        guard text.utf8.count == 16, let date = LocalDate(iso: text.prefix(10)), text.dropFirst(10).first == "T",
            let time = LocalTime(text: String(text.suffix(5)))
        else { return nil }
        return LocalDateTime(date: date, time: time)
    }
}
