import SamverkanDomain

/// The people of each structure, exactly as ``RegionConfiguration/participants(of:)`` and
/// ``RegionConfiguration/people(of:)`` give them, from an index of the configured people by
/// organisation made once.
///
/// `notify` asks for the people of every structure with a meeting to announce or minutes to
/// remind of (thousands at national scale); the configuration's own functions go through every
/// configured person each time.
struct StructurePeople: Sendable {
    let configuration: RegionConfiguration
    /// The positions in `configuration.people` of each organisation's people, in order.
    private let byOrganisation: [String: [Int]]

    init(_ configuration: RegionConfiguration) {
        self.configuration = configuration
        var index: [String: [Int]] = [:]
        for (position, person) in configuration.people.enumerated() { index[person.organisation, default: []].append(position) }
        byOrganisation = index
    }

    /// The structure's listed participants, or else everyone of its member organisations, in
    /// configuration order.
    func participants(of structure: CollaborationStructure) -> [Person] {
        guard structure.participants.isEmpty else { return configuration.participants(of: structure) }
        var positions: [Int] = []
        for member in Set(structure.members) { positions += byOrganisation[member] ?? [] }
        return positions.sorted().map { configuration.people[$0] }
    }

    /// The chair, the secretary and the participants, each once.
    func people(of structure: CollaborationStructure) -> [Person] {
        var seen: Set<String> = []
        return ([structure.chair, structure.secretary].compactMap { $0 }.compactMap(configuration.person) + participants(of: structure))
            .filter { seen.insert($0.id).inserted }
    }
}
