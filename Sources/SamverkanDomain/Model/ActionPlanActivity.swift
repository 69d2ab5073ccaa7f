public import SamverkanTime

/// An activity of an action plan (*handlingsplan*), owned and followed up by a structure.
public struct ActionPlanActivity: Sendable, Hashable, Identifiable {
    public let id: String
    /// What is to be done (*aktivitet*).
    public var activity: String
    /// Who carries it out (*ansvar för genomförande*).
    public var responsible: String
    /// The body that decided it, e.g. Fredagsgruppen.
    public var decidedBy: String?
    public var timePlan: TimePlan
    public var status: ActivityStatus
    /// Where and when it is followed up, e.g. "Fredagsgruppens möte november 2025".
    public var followUp: String?

    public init(
        id: String, activity: String, responsible: String, decidedBy: String? = nil,
        timePlan: TimePlan, status: ActivityStatus, followUp: String? = nil
    ) {
        self.id = id
        self.activity = activity
        self.responsible = responsible
        self.decidedBy = decidedBy
        self.timePlan = timePlan
        self.status = status
        self.followUp = followUp
    }
}

/// When an action-plan activity is to be done.
public enum TimePlan: Sendable, Hashable {
    /// By a date.
    case date(LocalDate)
    /// In a month (the plans say e.g. "November 2025").
    case month(year: Int, month: Int)
    /// In a year ("2025").
    case year(Int)
    /// Ongoing (*Löpande*).
    case ongoing
    /// Depends on national work (*Beroende av nationellt utvecklingsarbete*).
    case dependsOnNationalWork

    /// The configuration and JSON form: `2025-02-21`, `2025-11`, `2025`, `ongoing`, `depends-on-national-work`.
    public var code: String {
        switch self {
        case .date(let date): return date.iso
        case .month(let year, let month): return "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
        case .year(let year): return "\(year)"
        case .ongoing: return "ongoing"
        case .dependsOnNationalWork: return "depends-on-national-work"
        }
    }
}

/// How far an action-plan activity has come.
public enum ActivityStatus: String, Sendable, Codable, CaseIterable {
    case notStarted = "not-started"
    case started
    /// *Delvis*: partly done.
    case partly
    case done
}
