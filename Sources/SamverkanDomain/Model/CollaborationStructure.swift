public import SamverkanTime

/// A collaboration structure (*samverkansstruktur*): who meets, how often, where, and about what.
public struct CollaborationStructure: Sendable, Hashable, Identifiable {
    /// Stable id; calendar UIDs and minutes are derived from it, so it must never change.
    public let id: String
    public var name: String
    public var kind: StructureKind
    /// The municipality the structure belongs to (single and group level), if any.
    public var municipality: String?
    /// The care centre of a single-level structure.
    public var careCentre: String?
    /// Ids of the member organisations.
    public var members: [String]
    /// Ids of the people who take part. Empty means: everyone configured in a member organisation.
    public var participants: [String]
    /// Person id of the chair (*ordförande*).
    public var chair: String?
    /// Person id of the secretary (*sekreterare*), who writes the minutes.
    public var secretary: String?
    public var frequency: Frequency
    /// The first date the decided frequency applies from.
    public var starts: LocalDate
    /// The last date it applies to, if the decision ends.
    public var until: LocalDate?
    /// Wall-clock start time in ``timeZone``.
    public var time: LocalTime
    /// Length of a meeting in minutes.
    public var durationMinutes: Int
    public var timeZone: String
    public var place: String?
    public var videoLink: String?
    /// Days before each meeting its notice (*kallelse*) is sent (`notice-days`); nil: the
    /// configuration's `mail` default (7).
    public var noticeDays: Int?
    /// Days minutes may wait for approval before the approvers are reminded (`approval-days`);
    /// nil: the configuration's `mail` default (14).
    public var approvalDays: Int?
    /// The decided content of every meeting.
    public var standingAgenda: [AgendaItem]
    /// Halland's focus areas the structure serves.
    public var focusAreas: [FocusArea]
    /// Points of §2 SFS 2024:1253 the structure serves (the focus areas' points unless configured).
    public var grantPoints: [GrantPoint]
    public var holidayPolicy: HolidayPolicy
    /// Other policies for parts of the year; the first period containing a date wins over
    /// ``holidayPolicy``.
    public var holidayPeriods: [HolidayPeriod]
    public var breaks: [Break]
    /// Action-plan activities this structure follows up.
    public var activities: [ActionPlanActivity]
    /// Whether the structure was generated from a `generate:` block rather than written out.
    public var generated: Bool

    public init(
        id: String, name: String, kind: StructureKind, municipality: String? = nil,
        careCentre: String? = nil, members: [String], participants: [String] = [],
        chair: String? = nil, secretary: String? = nil, frequency: Frequency,
        starts: LocalDate, until: LocalDate? = nil, time: LocalTime, durationMinutes: Int,
        timeZone: String = "Europe/Stockholm", place: String? = nil, videoLink: String? = nil,
        standingAgenda: [AgendaItem] = [], focusAreas: [FocusArea] = [],
        grantPoints: [GrantPoint] = [], holidayPolicy: HolidayPolicy = .moveEarlier,
        holidayPeriods: [HolidayPeriod] = [], breaks: [Break] = [], activities: [ActionPlanActivity] = [], generated: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.municipality = municipality
        self.careCentre = careCentre
        self.members = members
        self.participants = participants
        self.chair = chair
        self.secretary = secretary
        self.frequency = frequency
        self.starts = starts
        self.until = until
        self.time = time
        self.durationMinutes = durationMinutes
        self.timeZone = timeZone
        self.place = place
        self.videoLink = videoLink
        self.standingAgenda = standingAgenda
        self.focusAreas = focusAreas
        self.grantPoints = grantPoints
        self.holidayPolicy = holidayPolicy
        self.holidayPeriods = holidayPeriods
        self.breaks = breaks
        self.activities = activities
        self.generated = generated
    }
}

extension CollaborationStructure {
    /// The holiday policy for a meeting planned on a date: a period's, else the structure's.
    public func holidayPolicy(on date: LocalDate) -> HolidayPolicy {
        holidayPeriods.first { $0.days.contains(date) }?.policy ?? holidayPolicy
    }
}
