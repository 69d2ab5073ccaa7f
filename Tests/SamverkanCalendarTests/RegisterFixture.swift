import SamverkanDomain
import SamverkanTime

/// The meeting register of some structures derived in memory, as the store derives it.
enum RegisterFixture {
    static func meetings(
        of structures: [CollaborationStructure], in configuration: RegionConfiguration,
        from: LocalDate, through: LocalDate, decisions: [MeetingDecision] = []
    ) throws -> [RegisteredMeeting] {
        try structures.flatMap { structure in
            let occurrences = try Scheduler().occurrences(of: structure, from: from, through: through)
            return MeetingRegister.derive(
                structure, occurrences: occurrences,
                decisions: decisions.filter { $0.structureID == structure.id },
                configuration: configuration
            ).meetings
        }
    }

    /// A configuration holding one structure.
    static func configuration(_ structure: CollaborationStructure) -> RegionConfiguration {
        RegionConfiguration(
            region: Organisation(id: "r", name: "Region", kind: .region),
            organisations: [Organisation(id: "a", name: "A", kind: .other)], people: [],
            structures: [structure])
    }
}
