public import SamverkanDomain
public import SamverkanTime

/// One structure's row of the compliance report: what it is, its figures, and its meetings column
/// by column of the heat map (months, quarters or years).
public struct StructureCompliance: Sendable, Hashable {
    /// How attendance is scored for a structure.
    public enum AttendanceMeasure: String, Sendable, Codable {
        /// A meeting scores 1 when every side among the members (region, municipality) had
        /// someone present, else 0 (single level and most other arenas).
        case bothPrincipals = "both-principals"
        /// A meeting scores the share of member organisations present, whatever their side (RUG,
        /// group level, and structures whose configured participants are all on one side, such
        /// as LSG Patientsäkerhet).
        case memberShare = "member-share"

        /// The measure of a structure: member share for RUG and group level, and when the member
        /// organisations with a configured participant are all on one side (or there are none):
        /// the other side can then only be marked present organisation by organisation, and
        /// "both sides present" would say little.
        public static func of(_ structure: CollaborationStructure, configuration: RegionConfiguration) -> AttendanceMeasure {
            of(structure, configuration: configuration, staffed: staffedOrganisations(configuration))
        }

        /// The ids of the organisations with a configured person, for ``of(_:configuration:staffed:)``.
        static func staffedOrganisations(_ configuration: RegionConfiguration) -> Set<String> {
            Set(configuration.people.map(\.organisation))
        }

        /// ``of(_:configuration:)`` with the organisations that have a configured person
        /// (``staffedOrganisations(_:)``), found once for a report: a structure without listed
        /// participants has everyone of its member organisations, and looking them up among all
        /// people structure by structure cost a national report a quarter of its time.
        static func of(
            _ structure: CollaborationStructure, configuration: RegionConfiguration, staffed organisations: Set<String>
        ) -> AttendanceMeasure {
            if structure.kind == .rug || structure.kind == .group { return .memberShare }
            let members = Set(structure.members)
            let present: [String] =
                structure.participants.isEmpty
                ? members.filter { organisations.contains($0) }
                : structure.participants.compactMap { configuration.person($0)?.organisation }.filter { members.contains($0) }
            let staffed = Set(present.compactMap { configuration.organisation($0)?.principal }).intersection([.region, .municipality])
            return staffed.count < 2 ? .memberShare : .bothPrincipals
        }
    }

    /// A column of the heat map (a month, quarter or year): what happened to the structure's
    /// meetings in it.
    public struct Cell: Sendable, Hashable, Codable {
        /// The column's label: `2025-03`, `2025-Q2` or `2025`.
        public var column: String
        /// Planned meetings held, counted in the column of the day they were held.
        public var held = 0
        /// Meetings held besides the planned ones.
        public var extra = 0
        public var cancelled = 0
        public var missed = 0
        public var upcoming = 0
        /// False when the whole column lies before the structure `starts` or after its `until`:
        /// nothing is expected of it then.
        public var active: Bool

        public init(column: HeatMapColumn, active: Bool) {
            self.column = column.label
            self.active = active
        }
    }

    public let id: String
    public let name: String
    public let kind: StructureKind
    /// The municipality id, if the structure belongs to one.
    public let municipality: String?
    public let municipalityName: String?
    /// The care centre id of a single-level structure.
    public let careCentre: String?
    public let careCentreName: String?
    /// `regional` or `private` for a care centre.
    public let careCentreOperator: String?
    /// The first day the decided frequency applies.
    public let starts: LocalDate
    public let until: LocalDate?
    public let attendanceMeasure: AttendanceMeasure
    /// The standing agenda, in configured order.
    public let agenda: [AgendaItem]
    public internal(set) var figures = ComplianceFigures()
    /// One cell per column of the heat map.
    public internal(set) var cells: [Cell]
    /// Planned meetings recorded as cancelled, with the reason given.
    public internal(set) var cancellations: [CancellationRecord] = []
    /// Due planned meetings with neither minutes nor a cancellation.
    public internal(set) var missedDates: [LocalDate] = []
    /// Attendance of each member organisation, in configured order.
    public internal(set) var organisations: [OrganisationPresence] = []
    /// The columns of the cells.
    let columns: [HeatMapColumn]

    /// - Parameter staffed: the organisations with a configured person (``AttendanceMeasure/staffedOrganisations(_:)``).
    init(_ structure: CollaborationStructure, configuration: RegionConfiguration, columns: [HeatMapColumn], staffed: Set<String>) {
        id = structure.id
        name = structure.name
        kind = structure.kind
        municipality = structure.municipality
        municipalityName = structure.municipality.flatMap { configuration.organisation($0)?.name }
        careCentre = structure.careCentre
        let centre = structure.careCentre.flatMap { configuration.organisation($0) }
        careCentreName = centre?.name
        careCentreOperator = centre?.operator?.code
        starts = structure.starts
        until = structure.until
        attendanceMeasure = AttendanceMeasure.of(structure, configuration: configuration, staffed: staffed)
        agenda = structure.standingAgenda
        cells = columns.map { Cell(column: $0, active: $0.overlaps(starts: structure.starts, until: structure.until)) }
        self.columns = columns
    }
}
