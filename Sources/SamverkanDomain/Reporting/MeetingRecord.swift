/// What follow-up needs to know about one held meeting: the current version of its minutes
/// (an amended record counts through its latest amendment).
public struct MeetingRecord: Sendable, Hashable {
    public var structureID: String
    /// The day the meeting was held.
    public var date: LocalDate
    /// The planned date of the occurrence; nil for an extra meeting.
    public var plannedDate: LocalDate?
    /// The day the minutes were approved (*justerade*); nil while a draft.
    public var approvedOn: LocalDate?
    /// The organisations with someone present, a substitute included.
    public var presentOrganisations: Set<String>
    /// The sides (region, municipality, other) with someone present, a substitute included.
    public var presentPrincipals: Set<Principal>
    /// The standing agenda items the minutes mark as covered.
    public var coveredItems: Set<String>

    public init(structureID: String, date: LocalDate, plannedDate: LocalDate?, approvedOn: LocalDate? = nil,
                presentOrganisations: Set<String> = [], presentPrincipals: Set<Principal> = [], coveredItems: Set<String> = []) {
        self.structureID = structureID
        self.date = date
        self.plannedDate = plannedDate
        self.approvedOn = approvedOn
        self.presentOrganisations = presentOrganisations
        self.presentPrincipals = presentPrincipals
        self.coveredItems = coveredItems
    }

    /// Whether the meeting was not in the structure's schedule.
    public var isExtra: Bool { plannedDate == nil }
}

/// A planned meeting recorded as cancelled (`minutes cancel`).
public struct CancellationRecord: Sendable, Hashable {
    public var structureID: String
    public var date: LocalDate
    public var reason: String

    public init(structureID: String, date: LocalDate, reason: String) {
        self.structureID = structureID
        self.date = date
        self.reason = reason
    }
}

/// An action item decided at a meeting, with its status as of a day.
public struct ActionRecord: Sendable, Hashable {
    public var structureID: String
    /// The day of the meeting that decided it.
    public var decidedOn: LocalDate
    public var due: LocalDate
    /// The latest status set at a follow-up on or before the day asked for.
    public var status: ActionStatus

    public init(structureID: String, decidedOn: LocalDate, due: LocalDate, status: ActionStatus) {
        self.structureID = structureID
        self.decidedOn = decidedOn
        self.due = due
        self.status = status
    }
}

/// The latest follow-up of an action-plan activity at a meeting.
public struct ActivityRecord: Sendable, Hashable {
    public var structureID: String
    public var activityID: String
    /// The day of the meeting that followed it up.
    public var date: LocalDate
    public var status: ActivityStatus
    public var comment: String

    public init(structureID: String, activityID: String, date: LocalDate, status: ActivityStatus, comment: String = "") {
        self.structureID = structureID
        self.activityID = activityID
        self.date = date
        self.status = status
        self.comment = comment
    }
}

/// Everything the store holds about meetings in a period, for the follow-up reports.
public struct MeetingHistory: Sendable {
    public var meetings: [MeetingRecord]
    public var cancellations: [CancellationRecord]
    /// Action items decided in the period, with their status at its end.
    public var actions: [ActionRecord]

    public init(meetings: [MeetingRecord] = [], cancellations: [CancellationRecord] = [], actions: [ActionRecord] = []) {
        self.meetings = meetings
        self.cancellations = cancellations
        self.actions = actions
    }
}
