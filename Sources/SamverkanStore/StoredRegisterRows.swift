public import SamverkanDomain
import SamverkanTime

/// The register's rows column by column, as both engines store them: the embedded store's
/// records turned inside out, so another engine writes and reads the same texts
/// (`YYYY-MM-DDTHH:MM` times, the raw values of states, actions and reasons).
public enum StoredRegisterRows {
    /// A row of `meetings`.
    public typealias Meeting = (
        structureID: String, plannedDate: String, extra: Bool, plannedStart: String, uid: String, inSeries: Bool, start: String,
        end: String, state: String, reasonKind: String?, reasonCode: String?, decisionID: Int64?
    )

    /// A row of `meeting_decisions` (no id before it is stored).
    public typealias Decision = (
        id: Int64?, structureID: String, meetingDate: String, action: String, newStart: String?, reason: String, decidedBy: String?,
        decidedAt: String
    )

    /// The columns of a derived meeting, with the id of its decision.
    public static func columns(of meeting: RegisteredMeeting, decisionID: Int64?) -> Meeting {
        let record = RegisteredMeetingRecord(meeting, decisionID: decisionID)
        return (
            record.structureID, record.plannedDate.iso, record.extra, record.plannedStart, record.uid, record.inSeries, record.start,
            record.end, record.state.rawValue, record.reasonKind, record.reasonCode, record.decisionID
        )
    }

    /// The meeting of a row, with its decision from `decisions` (by id).
    /// - Throws: ``StoreError`` naming the column of `meetings` that cannot be read.
    public static func meeting(_ row: Meeting, decisions: [Int64: MeetingDecision]) throws -> RegisteredMeeting {
        let table = RegisteredMeetingRecord.databaseTableName
        guard let date = LocalDate(iso: row.plannedDate) else { throw StoreError.unreadable(table, column: "planned_date") }
        guard let state = RegisteredMeeting.State(rawValue: row.state) else { throw StoreError.unreadable(table, column: "state") }
        return try RegisteredMeetingRecord(row, plannedDate: date, state: state).meeting(decisions: decisions)
    }

    /// The columns of a decision.
    public static func columns(of decision: MeetingDecision) -> Decision {
        let record = MeetingDecisionRecord(decision)
        return (
            nil, record.structureID, record.meetingDate.iso, record.action.rawValue, record.newStart, record.reason, record.decidedBy,
            record.decidedAt
        )
    }

    /// The decision of a row.
    /// - Throws: ``StoreError`` naming the column of `meeting_decisions` that cannot be read.
    public static func decision(_ row: Decision) throws -> MeetingDecision {
        let table = MeetingDecisionRecord.databaseTableName
        guard let date = LocalDate(iso: row.meetingDate) else { throw StoreError.unreadable(table, column: "meeting_date") }
        guard let action = MeetingDecision.Action(rawValue: row.action) else { throw StoreError.unreadable(table, column: "action") }
        var record = MeetingDecisionRecord(
            MeetingDecision(structureID: row.structureID, date: date, action: action, reason: row.reason, decidedAt: row.decidedAt))
        record.id = row.id
        record.newStart = row.newStart
        record.decidedBy = row.decidedBy
        return try record.decision()
    }
}

extension RegisteredMeetingRecord {
    /// The record of a row's columns (its date and state read already).
    fileprivate init(_ row: StoredRegisterRows.Meeting, plannedDate: LocalDate, state: RegisteredMeeting.State) {
        structureID = row.structureID
        self.plannedDate = plannedDate
        extra = row.extra
        plannedStart = row.plannedStart
        uid = row.uid
        inSeries = row.inSeries
        start = row.start
        end = row.end
        self.state = state
        reasonKind = row.reasonKind
        reasonCode = row.reasonCode
        decisionID = row.decisionID
    }
}
