public import SamverkanTime

/// What `samverkan notify` decides from, read from the store by the caller (so the decision
/// itself is pure and fast): the register's meetings around today, open action items, and the
/// minutes that exist.
public struct NotifyInput: Sendable {
    /// Minutes waiting for approval (the current record of a meeting, not approved).
    public struct Draft: Sendable, Equatable {
        public var id: Int64
        public var structureID: String
        public var date: LocalDate
        /// The day the minutes were recorded (a correction's wait counts from it).
        public var recordedOn: LocalDate
        /// Who signs: the chair and the approvers (*justerare*), as named in the minutes.
        public var signatories: [String]
        /// Who has signed already (configured names), in order.
        public var signed: [String]
        /// For a correction: the minutes it corrects.
        public var amends: Int64?

        public init(
            id: Int64, structureID: String, date: LocalDate, recordedOn: LocalDate, signatories: [String], signed: [String] = [],
            amends: Int64? = nil
        ) {
            self.id = id
            self.structureID = structureID
            self.date = date
            self.recordedOn = recordedOn
            self.signatories = signatories
            self.signed = signed
            self.amends = amends
        }

        /// The day the wait for justering counts from, as in `minutes pending`: the meeting, or
        /// the day a correction was recorded (``Justering/waitingSince(meeting:saved:isCorrection:)``).
        public var waitingSince: LocalDate { Justering.waitingSince(meeting: date, saved: recordedOn, isCorrection: amends != nil) }
    }

    /// Register meetings from `NotifyPlanner.firstDay(today:settings:)` through
    /// `NotifyPlanner.lastDay(today:configuration:)` (SamverkanCalendar).
    public var meetings: [RegisteredMeeting]
    /// Every action item not done, with its latest status.
    public var openActions: [OpenAction]
    /// Each structure's latest minutes before the notices' last day (the previous minutes'
    /// status) and the minutes and cancellations since the first day (meetings without minutes).
    public var minutes: [MinutesSummary]
    /// Minutes waiting for approval, of meetings recent enough to be reminded of.
    public var drafts: [Draft]
    /// The approval reminders sent already (or being sent), each as `minutes id/round/address`.
    public var remindedApprovals: Set<String>

    public init(
        meetings: [RegisteredMeeting], openActions: [OpenAction], minutes: [MinutesSummary], drafts: [Draft],
        remindedApprovals: Set<String> = []
    ) {
        self.meetings = meetings
        self.openActions = openActions
        self.minutes = minutes
        self.drafts = drafts
        self.remindedApprovals = remindedApprovals
    }
}
