public import SamverkanDomain
public import SamverkanICal
public import SamverkanTime

/// What one calendar UID of a structure holds in a window, before it is written as iCalendar,
/// read from the meeting register: the master event with its rule, the meetings that are not
/// held (`EXDATE`: skipped for a holiday or break, cancelled by a coordinator) and the moved ones
/// (`RECURRENCE-ID` overrides). A dated meeting and an extra meeting are plans of their own, with
/// their own UID.
public struct SeriesPlan: Sendable, Hashable {
    /// A moved meeting: its planned start (the `RECURRENCE-ID`) and where it went.
    public struct Override: Sendable, Hashable {
        public let recurrenceID: LocalDateTime
        public let start: LocalDateTime
        public let end: LocalDateTime
        /// The coordinator's decision that moved it (nil for a holiday move).
        public let decision: MeetingDecision?

        public init(recurrenceID: LocalDateTime, start: LocalDateTime, end: LocalDateTime, decision: MeetingDecision? = nil) {
            self.recurrenceID = recurrenceID
            self.start = start
            self.end = end
            self.decision = decision
        }
    }

    public let structure: CollaborationStructure
    public let uid: String
    /// The first planned start in the window (`DTSTART`), always a start the rule gives; for an
    /// event of its own, its (possibly moved) start.
    public let start: LocalDateTime
    public let end: LocalDateTime
    /// The rule, or nil for an event of its own (dated or extra meeting).
    public let rule: RecurrenceRule?
    /// The last planned start in the window (written as `UNTIL` in UTC).
    public let until: LocalDateTime?
    /// Planned starts of meetings that are not held (skipped or cancelled).
    public let exdates: [LocalDateTime]
    public let overrides: [Override]
    /// For an event of its own: the register's meeting (its state and decision).
    public let meeting: RegisteredMeeting?

    public init(
        structure: CollaborationStructure, uid: String, start: LocalDateTime, end: LocalDateTime,
        rule: RecurrenceRule?, until: LocalDateTime?, exdates: [LocalDateTime], overrides: [Override],
        meeting: RegisteredMeeting? = nil
    ) {
        self.structure = structure
        self.uid = uid
        self.start = start
        self.end = end
        self.rule = rule
        self.until = until
        self.exdates = exdates
        self.overrides = overrides
        self.meeting = meeting
    }

    /// Whether the plan is a single event that a coordinator cancelled: left out of a feed, a
    /// `METHOD:CANCEL` in an invitation flow.
    public var isCancelled: Bool { meeting?.state == .cancelled }

    /// The plans of a structure's meetings in a window, one per UID (empty when none is held
    /// there). A series whose meetings in the window are all not held has no plan; a dated or
    /// extra meeting that a coordinator cancelled is kept (``isCancelled``), one skipped by the
    /// configuration's rules is left out.
    /// - Parameter meetings: the structure's register meetings in the window.
    public static func plans(for structure: CollaborationStructure, meetings: [RegisteredMeeting]) throws -> [SeriesPlan] {
        let own = meetings.filter { $0.structureID == structure.id }
        var plans: [SeriesPlan] = []
        let series = own.filter(\.inSeries).sorted { $0.plannedStart < $1.plannedStart }
        if let first = series.first, let last = series.last, series.contains(where: \.isHeld),
            let rule = try structure.frequency.recurrenceRule()
        {
            let overrides = series.filter { $0.state == .moved }.map {
                Override(recurrenceID: $0.plannedStart, start: $0.start, end: $0.end, decision: $0.decision)
            }
            plans.append(
                SeriesPlan(
                    structure: structure, uid: first.uid, start: first.plannedStart,
                    end: first.plannedStart.adding(minutes: structure.durationMinutes), rule: rule, until: last.plannedStart,
                    exdates: series.filter { !$0.isHeld }.map(\.plannedStart), overrides: overrides))
        }
        for meeting in own where !meeting.inSeries && (meeting.isHeld || meeting.state == .cancelled) {
            plans.append(
                SeriesPlan(
                    structure: structure, uid: meeting.uid, start: meeting.start, end: meeting.end,
                    rule: nil, until: nil, exdates: [], overrides: [], meeting: meeting))
        }
        return plans.sorted { ($0.start, $0.uid) < ($1.start, $1.uid) }
    }
}
