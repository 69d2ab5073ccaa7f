import SamverkanDomain
import Testing

@testable import SamverkanReports

/// The attendance measure found with the organisations that have people looked up once per
/// report, against its definition through `RegionConfiguration.participants(of:)`.
@Suite("Attendance measure")
struct AttendanceMeasureTests {
    /// The definition: member share unless the configured participants of member organisations
    /// are on both sides.
    static func defined(_ structure: CollaborationStructure, _ configuration: RegionConfiguration) -> StructureCompliance.AttendanceMeasure
    {
        if structure.kind == .rug || structure.kind == .group { return .memberShare }
        let members = Set(structure.members)
        let sides = Set(
            configuration.participants(of: structure).filter { members.contains($0.organisation) }
                .compactMap { configuration.organisation($0.organisation)?.principal }
        ).intersection([.region, .municipality])
        return sides.count < 2 ? .memberShare : .bothPrincipals
    }

    @Test("Every structure, with people in all, some or none of its organisations, or listed participants, measures as defined")
    func asDefined() {
        let base = ComplianceFixture.configuration
        var configurations: [RegionConfiguration] = []
        for keep in [{ (_: Person) in true }, { $0.organisation.hasPrefix("vc-") }, { !$0.organisation.hasPrefix("vc-") }, { _ in false }] {
            configurations.append(
                RegionConfiguration(
                    region: base.region, organisations: base.organisations, people: base.people.filter(keep),
                    structures: base.structures))
        }
        var listed = base.structures
        for index in listed.indices { listed[index].participants = ["p-\(listed[index].members[0])", "p-region-test", "p-unknown"] }
        configurations.append(
            RegionConfiguration(region: base.region, organisations: base.organisations, people: base.people, structures: listed))
        var both = 0
        for configuration in configurations {
            let staffed = StructureCompliance.AttendanceMeasure.staffedOrganisations(configuration)
            for structure in configuration.structures {
                let measure = StructureCompliance.AttendanceMeasure.of(structure, configuration: configuration, staffed: staffed)
                #expect(measure == Self.defined(structure, configuration), "\(structure.id)")
                #expect(StructureCompliance.AttendanceMeasure.of(structure, configuration: configuration) == measure)
                if measure == .bothPrincipals { both += 1 }
            }
        }
        #expect(both > 0)
    }
}
