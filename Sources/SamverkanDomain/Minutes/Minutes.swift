public import SamverkanTime

/// One set of minutes (*minnesanteckningar*, *protokoll*) of a collaboration meeting.
///
/// A plain value: the draft parser produces it, the store saves and loads it, the document
/// renderer shows it. Ids are `nil` until the store assigns them.
public struct Minutes: Sendable, Hashable, Codable {
    /// The store's id (`#12`), nil before it is saved.
    public var id: Int64?
    public var structureID: String
    /// The day the meeting was held.
    public var date: LocalDate
    public var time: LocalTime?
    /// The planned date of the occurrence (differs from ``date`` for a moved meeting); nil for an extra meeting.
    public var plannedDate: LocalDate?
    public var place: String
    /// Who chaired the meeting (a name as written in the draft).
    public var chair: String
    /// Who wrote the minutes.
    public var secretary: String
    /// The approvers (*justerare*) named in the draft.
    public var approvers: [String]
    /// Every participant, present or absent, with substitutes.
    public var attendance: [Attendance]
    /// Member organisations marked present or absent without a configured person (migration
    /// `v11-organisation-attendance`); empty in minutes written before it.
    public var organisationAttendance: [OrganisationAttendance]
    /// The standing agenda items and whether the meeting covered them.
    public var agenda: [AgendaCoverage]
    /// Approval of the previous minutes: true, false, or nil when there were none.
    public var previousApproved: Bool?
    /// The open action items followed up at this meeting.
    public var actionFollowUps: [ActionFollowUp]
    /// The action-plan activities followed up at this meeting.
    public var activityFollowUps: [ActivityFollowUp]
    /// Free agenda items (*övriga punkter*).
    public var items: [FreeAgendaItem]
    public var decisions: [Decision]
    /// Action items decided at this meeting.
    public var newActions: [ActionItem]
    /// The minutes this record corrects (`minutes amend`), if any.
    public var amends: Int64?
    /// Set once the minutes are approved (*justerade*).
    public var approval: Approval?
    /// When the record was saved (ISO 8601, UTC), set by the store.
    public var createdAt: String?

    public init(
        id: Int64? = nil, structureID: String, date: LocalDate, time: LocalTime? = nil,
        plannedDate: LocalDate? = nil, place: String = "", chair: String = "", secretary: String = "",
        approvers: [String] = [], attendance: [Attendance] = [], organisationAttendance: [OrganisationAttendance] = [],
        agenda: [AgendaCoverage] = [],
        previousApproved: Bool? = nil, actionFollowUps: [ActionFollowUp] = [],
        activityFollowUps: [ActivityFollowUp] = [], items: [FreeAgendaItem] = [],
        decisions: [Decision] = [], newActions: [ActionItem] = [], amends: Int64? = nil,
        approval: Approval? = nil, createdAt: String? = nil
    ) {
        self.id = id
        self.structureID = structureID
        self.date = date
        self.time = time
        self.plannedDate = plannedDate
        self.place = place
        self.chair = chair
        self.secretary = secretary
        self.approvers = approvers
        self.attendance = attendance
        self.organisationAttendance = organisationAttendance
        self.agenda = agenda
        self.previousApproved = previousApproved
        self.actionFollowUps = actionFollowUps
        self.activityFollowUps = activityFollowUps
        self.items = items
        self.decisions = decisions
        self.newActions = newActions
        self.amends = amends
        self.approval = approval
        self.createdAt = createdAt
    }

    /// Whether the meeting was not in the structure's schedule.
    public var isExtra: Bool { plannedDate == nil }

    enum CodingKeys: String, CodingKey {
        case id, structureID, date, time, plannedDate, place, chair, secretary, approvers, attendance
        case organisationAttendance, agenda, previousApproved, actionFollowUps, activityFollowUps, items
        case decisions, newActions, amends, approval, createdAt
    }

    /// Reads minutes from JSON (`minutes export`); an archive written before organisation
    /// attendance existed has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decodeIfPresent(Int64.self, forKey: .id), structureID: try c.decode(String.self, forKey: .structureID),
            date: try c.decode(LocalDate.self, forKey: .date), time: try c.decodeIfPresent(LocalTime.self, forKey: .time),
            plannedDate: try c.decodeIfPresent(LocalDate.self, forKey: .plannedDate), place: try c.decode(String.self, forKey: .place),
            chair: try c.decode(String.self, forKey: .chair), secretary: try c.decode(String.self, forKey: .secretary),
            approvers: try c.decode([String].self, forKey: .approvers), attendance: try c.decode([Attendance].self, forKey: .attendance),
            organisationAttendance: try c.decodeIfPresent([OrganisationAttendance].self, forKey: .organisationAttendance) ?? [],
            agenda: try c.decode([AgendaCoverage].self, forKey: .agenda),
            previousApproved: try c.decodeIfPresent(Bool.self, forKey: .previousApproved),
            actionFollowUps: try c.decode([ActionFollowUp].self, forKey: .actionFollowUps),
            activityFollowUps: try c.decode([ActivityFollowUp].self, forKey: .activityFollowUps),
            items: try c.decode([FreeAgendaItem].self, forKey: .items), decisions: try c.decode([Decision].self, forKey: .decisions),
            newActions: try c.decode([ActionItem].self, forKey: .newActions), amends: try c.decodeIfPresent(Int64.self, forKey: .amends),
            approval: try c.decodeIfPresent(Approval.self, forKey: .approval),
            createdAt: try c.decodeIfPresent(String.self, forKey: .createdAt))
    }
}

/// One participant's attendance.
public struct Attendance: Sendable, Hashable, Codable {
    public var personID: String
    public var organisationID: String
    /// The side the person's organisation is on, kept for attendance reports per principal.
    public var principal: Principal
    public var present: Bool
    /// Who came instead (*ersättare*), if anyone.
    public var substitute: String?

    public init(personID: String, organisationID: String, principal: Principal, present: Bool, substitute: String? = nil) {
        self.personID = personID
        self.organisationID = organisationID
        self.principal = principal
        self.present = present
        self.substitute = substitute
    }
}

/// Whether a standing agenda item was covered, with notes.
public struct AgendaCoverage: Sendable, Hashable, Codable {
    public var itemID: String
    public var covered: Bool
    public var notes: String

    public init(itemID: String, covered: Bool, notes: String = "") {
        self.itemID = itemID
        self.covered = covered
        self.notes = notes
    }
}

/// A free agenda item: a heading and its notes.
public struct FreeAgendaItem: Sendable, Hashable, Codable {
    public var title: String
    public var notes: String

    public init(title: String, notes: String = "") {
        self.title = title
        self.notes = notes
    }
}

/// A decision, numbered `§ N` per structure and calendar year when the minutes are approved.
public struct Decision: Sendable, Hashable, Codable {
    /// The paragraph number, nil until approval.
    public var number: Int?
    public var text: String
    /// Whether the number was taken over from the minutes this record amends.
    public var inherited: Bool

    public init(number: Int? = nil, text: String, inherited: Bool = false) {
        self.number = number
        self.text = text
        self.inherited = inherited
    }
}

/// Who approved the minutes, when, and the digest of their content at that moment.
public struct Approval: Sendable, Hashable, Codable {
    /// The chair and approvers (*justerare*), as named on the command line.
    public var by: [String]
    /// The day of approval.
    public var date: LocalDate
    /// When the approval was recorded (ISO 8601, UTC).
    public var recordedAt: String
    /// SHA-256 (hex) of the content and the approval, see ``Minutes/approvalDigest(by:date:)``.
    public var contentHash: String

    public init(by: [String], date: LocalDate, recordedAt: String, contentHash: String) {
        self.by = by
        self.date = date
        self.recordedAt = recordedAt
        self.contentHash = contentHash
    }
}
