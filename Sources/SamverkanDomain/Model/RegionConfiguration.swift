/// Everything a region configured: its organisations, people and collaboration structures.
///
/// A configuration is checked when it is read (see `SamverkanConfig`), so the references in it
/// resolve: every member, participant, chair and secretary exists.
public struct RegionConfiguration: Sendable {
    /// The region's own organisation.
    public var region: Organisation
    /// Every organisation, the region and its municipalities included, in configuration order.
    public var organisations: [Organisation]
    public var people: [Person]
    /// Every structure, generated ones included, in configuration order.
    public var structures: [CollaborationStructure]
    /// The focus areas of the region's own plan (none when it has none).
    public var focusAreas: [FocusAreaDefinition]
    /// How mail goes out (`mail:`), defaults when not configured.
    public var mail = MailSettings()

    private var organisationIndex: [String: Int]
    private var personIndex: [String: Int]
    private var structureIndex: [String: Int]

    public init(
        region: Organisation, organisations: [Organisation], people: [Person],
        structures: [CollaborationStructure], focusAreas: [FocusAreaDefinition] = []
    ) {
        self.region = region
        self.organisations = organisations
        self.people = people
        self.structures = structures
        self.focusAreas = focusAreas
        organisationIndex = Dictionary(organisations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        personIndex = Dictionary(people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        structureIndex = Dictionary(structures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func organisation(_ id: String) -> Organisation? { organisationIndex[id].map { organisations[$0] } }
    public func person(_ id: String) -> Person? { personIndex[id].map { people[$0] } }
    public func structure(_ id: String) -> CollaborationStructure? { structureIndex[id].map { structures[$0] } }
    public func focusArea(_ area: FocusArea) -> FocusAreaDefinition? { focusAreas.first { $0.area == area } }

    /// The municipalities, in configuration order.
    public var municipalities: [Organisation] { organisations.filter { $0.kind == .municipality } }

    /// The people who take part in a structure: its listed participants, or else everyone
    /// configured in one of its member organisations.
    public func participants(of structure: CollaborationStructure) -> [Person] {
        if !structure.participants.isEmpty { return structure.participants.compactMap(person) }
        let members = Set(structure.members)
        return people.filter { members.contains($0.organisation) }
    }
}
