internal import GRDB
import SamverkanDomain
import SamverkanTime

/// A row of the action-item query (`samverkan actions`): the item, the day it was decided and
/// its latest follow-up, if any.
struct OpenActionRow: Codable, StoreRow {
    var id: Int64
    var text: String
    var structureID: String
    var responsibleKind: Responsible.Kind
    var responsibleID: String
    var due: LocalDate
    var decidedOn: LocalDate
    /// NULL when no follow-up was recorded yet.
    var status: ActionStatus?
    /// NULL when no follow-up was recorded yet.
    var comment: String?

    enum CodingKeys: String, CodingKey {
        case id, text, due, status, comment
        case structureID = "structure_id"
        case responsibleKind = "responsible_kind"
        case responsibleID = "responsible_id"
        case decidedOn = "decided_on"
    }

    static func table(ofColumn column: String?) -> String {
        switch column {
        case "status", "comment": ActionFollowUpRecord.databaseTableName
        case "decided_on": MinutesRecord.databaseTableName
        default: ActionItemRecord.databaseTableName
        }
    }

    var openAction: OpenAction {
        let item = ActionItem(id: id, text: text, responsible: Responsible(kind: responsibleKind, id: responsibleID), due: due)
        guard let status, let comment else {
            // No follow-up yet: the item is as it was decided.
            return OpenAction(item: item, structureID: structureID, decidedOn: decidedOn, status: .notStarted, comment: "")
        }
        return OpenAction(item: item, structureID: structureID, decidedOn: decidedOn, status: status, comment: comment)
    }
}

/// A row of `minutes list`: minutes with the record that corrects them and their counts.
struct MinutesListRow: Codable, StoreRow {
    var id: Int64
    var structureID: String
    var meetingDate: LocalDate
    var plannedDate: LocalDate?
    var amendsID: Int64?
    var approvedAt: String?
    var approvedOn: LocalDate?
    var amendedBy: Int64?
    var decisionCount: Int
    var actionCount: Int
    /// One name a line, nil without approval.
    var approvedBy: String?
    /// One name a line, in the order signed; nil before the first signature.
    var signedBy: String?
    var counts: Bool

    enum CodingKeys: String, CodingKey {
        case id
        case approvedBy = "approved_by"
        case signedBy = "signed_by"
        case structureID = "structure_id"
        case meetingDate = "meeting_date"
        case plannedDate = "planned_date"
        case amendsID = "amends_id"
        case approvedAt = "approved_at"
        case approvedOn = "approved_on"
        case amendedBy = "amended_by"
        case decisionCount = "decision_count"
        case actionCount = "action_count"
        case counts
    }

    static func table(ofColumn column: String?) -> String { MinutesRecord.databaseTableName }

    var summary: MinutesSummary {
        MinutesSummary(
            id: id, structureID: structureID, date: meetingDate, status: approvedAt == nil ? .draft : .approved,
            extra: plannedDate == nil, amends: amendsID, amendedBy: amendedBy, approvedOn: approvedOn,
            decisions: decisionCount, newActions: actionCount, approvedBy: MinutesRecord.lines(approvedBy ?? ""),
            signedBy: MinutesRecord.lines(signedBy ?? ""), counts: counts)
    }
}

/// A row of a full-text search: the minutes and a snippet of the matching text.
struct SearchHitRow: Codable, StoreRow {
    var id: Int64
    var structureID: String
    var meetingDate: LocalDate
    var snippet: String

    enum CodingKeys: String, CodingKey {
        case id, snippet
        case structureID = "structure_id"
        case meetingDate = "meeting_date"
    }

    static func table(ofColumn column: String?) -> String {
        column == "snippet" ? MinutesSearchRecord.databaseTableName : MinutesRecord.databaseTableName
    }

    var hit: MinutesSearchHit {
        MinutesSearchHit(
            id: id, structureID: structureID, date: meetingDate,
            snippet: snippet.split(separator: "\n").joined(separator: " / "))
    }
}

/// A row of the activity follow-up report: a follow-up with its meeting's structure and day.
struct ActivityReportRow: Codable, StoreRow {
    var structureID: String
    var activityID: String
    var meetingDate: LocalDate
    var status: ActivityStatus
    var comment: String

    enum CodingKeys: String, CodingKey {
        case status, comment
        case structureID = "structure_id"
        case activityID = "activity_id"
        case meetingDate = "meeting_date"
    }

    static func table(ofColumn column: String?) -> String {
        switch column {
        case "structure_id", "meeting_date": MinutesRecord.databaseTableName
        default: ActivityFollowUpRecord.databaseTableName
        }
    }

    var record: ActivityRecord {
        ActivityRecord(structureID: structureID, activityID: activityID, date: meetingDate, status: status, comment: comment)
    }
}
