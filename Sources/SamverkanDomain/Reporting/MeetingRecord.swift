public import SamverkanTime

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

    public init(
        structureID: String, date: LocalDate, plannedDate: LocalDate?, approvedOn: LocalDate? = nil,
        presentOrganisations: Set<String> = [], presentPrincipals: Set<Principal> = [], coveredItems: Set<String> = []
    ) {
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

/// A held meeting as the compliance report matches it against the schedule.
public struct HeldMeeting: Sendable, Hashable {
    public var structureID: String
    /// The day the meeting was held.
    public var date: LocalDate
    /// The planned date of the occurrence; nil for an extra meeting.
    public var plannedDate: LocalDate?

    public init(structureID: String, date: LocalDate, plannedDate: LocalDate?) {
        self.structureID = structureID
        self.date = date
        self.plannedDate = plannedDate
    }
}

/// One structure's held meetings in a period, summed: what the compliance report needs beyond
/// the dates. The store sums in SQL; ``add(_:)`` sums detailed records the same way.
public struct MeetingTotals: Sendable, Hashable {
    /// Held meetings (current minutes) in the period.
    public var meetings = 0
    /// Per standing agenda item id: meetings whose minutes cover it.
    public var covered: [String: Int] = [:]
    /// Per combination of sides present (region, municipality): meetings.
    public var sidesPresent: [Set<Principal>: Int] = [:]
    /// Per organisation id: meetings with someone of it present (a substitute included).
    public var organisationsPresent: [String: Int] = [:]
    /// Per number of days from meeting to approval: approved minutes.
    public var approvalDays: [Int: Int] = [:]
    /// Action items decided in the period.
    public var actionsCreated = 0
    /// Of those: done on the day the status is judged at.
    public var actionsDone = 0
    /// Of those: not done and past their due date on that day.
    public var actionsOverdue = 0

    public init() {}

    /// Adds one held meeting.
    public mutating func add(_ record: MeetingRecord) {
        meetings += 1
        for item in record.coveredItems { covered[item, default: 0] += 1 }
        sidesPresent[record.presentPrincipals.intersection([.region, .municipality]), default: 0] += 1
        for organisation in record.presentOrganisations { organisationsPresent[organisation, default: 0] += 1 }
        if let approvedOn = record.approvedOn { approvalDays[max(0, record.date.days(to: approvedOn)), default: 0] += 1 }
    }

    /// Adds one action item with its status on `asOf`.
    public mutating func add(_ action: ActionRecord, asOf: LocalDate) {
        let done = action.status == .done
        addAction(done: done, overdue: !done && action.due < asOf)
    }

    /// Adds one action item: done, or else overdue or not, on the day the status is judged at.
    public mutating func addAction(done: Bool, overdue: Bool) {
        actionsCreated += 1
        if done { actionsDone += 1 } else if overdue { actionsOverdue += 1 }
    }
}

/// Everything the store holds about meetings in a period, for the follow-up reports: the held
/// meetings' dates, per-structure sums, cancellations and, when the meeting register is current,
/// the planned meetings themselves.
public struct MeetingHistory: Sendable {
    public var meetings: [HeldMeeting]
    /// Per structure id.
    public var totals: [String: MeetingTotals]
    public var cancellations: [CancellationRecord]
    /// Per structure id, the planned meetings of the period from the meeting register (planned
    /// date in the period; planned, moved and cancelled ones, in planned order), read with the
    /// rest when the register is current for the configuration; nil when it was not read, and
    /// the report expands the schedules instead.
    public var planned: [String: [PlannedMeetingDay]]?
    /// How many corrections of the period's approved minutes wait for approval (the originals
    /// count until then).
    public var pendingCorrections = 0

    public init(
        meetings: [HeldMeeting] = [], totals: [String: MeetingTotals] = [:], cancellations: [CancellationRecord] = [],
        planned: [String: [PlannedMeetingDay]]? = nil
    ) {
        self.meetings = meetings
        self.totals = totals
        self.cancellations = cancellations
        self.planned = planned
    }

    /// Sums detailed records of a period: meetings and cancellations dated in it, action items
    /// decided in it with their status on `asOf`.
    public init(
        records: [MeetingRecord], cancellations: [CancellationRecord] = [], actions: [ActionRecord] = [],
        period: ReportPeriod, asOf: LocalDate
    ) {
        var totals: [String: MeetingTotals] = [:]
        var meetings: [HeldMeeting] = []
        for record in records where period.contains(record.date) {
            meetings.append(HeldMeeting(structureID: record.structureID, date: record.date, plannedDate: record.plannedDate))
            totals[record.structureID, default: MeetingTotals()].add(record)
        }
        for action in actions where period.contains(action.decidedOn) {
            totals[action.structureID, default: MeetingTotals()].add(action, asOf: asOf)
        }
        self.init(meetings: meetings, totals: totals, cancellations: cancellations.filter { period.contains($0.date) })
    }
}
