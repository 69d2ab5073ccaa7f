internal import GRDB
import SamverkanDomain
import SamverkanTime

/// A row of `meetings`: one meeting of the register.
struct RegisteredMeetingRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "meetings"

    var structureID: String
    var plannedDate: LocalDate
    var extra: Bool
    var plannedStart: String
    var uid: String
    var inSeries: Bool
    var start: String
    var end: String
    var state: RegisteredMeeting.State
    var reasonKind: String?
    var reasonCode: String?
    var decisionID: Int64?

    enum CodingKeys: String, CodingKey {
        case extra, uid, start, end, state
        case structureID = "structure_id"
        case plannedDate = "planned_date"
        case plannedStart = "planned_start"
        case inSeries = "in_series"
        case reasonKind = "reason_kind"
        case reasonCode = "reason_code"
        case decisionID = "decision_id"
    }

    init(_ meeting: RegisteredMeeting, decisionID: Int64?) {
        structureID = meeting.structureID
        plannedDate = meeting.plannedDate
        extra = meeting.state == .extra
        plannedStart = RegisterText.text(meeting.plannedStart)
        uid = meeting.uid
        inSeries = meeting.inSeries
        start = RegisterText.text(meeting.start)
        end = RegisterText.text(meeting.end)
        state = meeting.state
        switch meeting.calendarReason {
        case .holiday(let kind): (reasonKind, reasonCode) = ("holiday", kind.rawValue)
        case .weekend: (reasonKind, reasonCode) = ("weekend", nil)
        case .breakPeriod(let name): (reasonKind, reasonCode) = ("break", name)
        case nil: (reasonKind, reasonCode) = (nil, nil)
        }
        self.decisionID = decisionID
    }

    /// The meeting, with its decision from `decisions` (by id); a ``StoreError`` when a column
    /// cannot be read.
    func meeting(decisions: [Int64: MeetingDecision]) throws -> RegisteredMeeting {
        func time(_ text: String, _ column: String) throws -> LocalDateTime {
            guard let value = RegisterText.dateTime(text) else { throw StoreError.unreadable(Self.databaseTableName, column: column) }
            return value
        }
        let reason: Occurrence.Reason?
        switch reasonKind {
        case "holiday":
            guard let code = reasonCode, let kind = Holiday.Kind(rawValue: code) else {
                throw StoreError.unreadable(Self.databaseTableName, column: "reason_code")
            }
            reason = .holiday(kind)
        case "weekend": reason = .weekend
        case "break": reason = .breakPeriod(reasonCode ?? "")
        case nil: reason = nil
        default: throw StoreError.unreadable(Self.databaseTableName, column: "reason_kind")
        }
        var decision: MeetingDecision?
        if let decisionID {
            guard let found = decisions[decisionID] else { throw StoreError.unreadable(Self.databaseTableName, column: "decision_id") }
            decision = found
        }
        return RegisteredMeeting(
            structureID: structureID, plannedStart: try time(plannedStart, "planned_start"), uid: uid,
            inSeries: inSeries, start: try time(start, "start"), end: try time(end, "end"), state: state,
            calendarReason: reason, decision: decision)
    }
}

/// A row of `register_structures`: what a structure's meetings were last derived from.
struct RegisterStructureRecord: Codable, FetchableRecord, StoreRow, PersistableRecord {
    static let databaseTableName = "register_structures"

    var structureID: String
    var contentHash: String
    var derivedThrough: LocalDate
    var derivedAt: String

    enum CodingKeys: String, CodingKey {
        case structureID = "structure_id"
        case contentHash = "content_hash"
        case derivedThrough = "derived_through"
        case derivedAt = "derived_at"
    }
}
