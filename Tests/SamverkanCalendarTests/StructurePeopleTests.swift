import Foundation
import SamverkanConfig
import SamverkanDomain
import SamverkanTestSupport
import Testing

@testable import SamverkanCalendar

/// `StructurePeople`: notify's index of people by organisation gives exactly the configuration's
/// own participants and people of every structure.
@Suite("Structure people")
struct StructurePeopleTests {
    @Test("For every structure of the sample configurations the index gives the configuration's participants and people, in order")
    func sameAsConfiguration() throws {
        for file in ["Config/halland.yaml", "Config/jamtland-harjedalen.yaml"] {
            let configuration = try ConfigLoader.load(path: CLIRunner.packageRoot.appendingPathComponent(file).path)
            // A structure listing its participants, and one whose chair is also a participant.
            var structures = configuration.structures
            structures[0].participants = configuration.people.suffix(2).map(\.id)
            structures[1].chair = configuration.participants(of: structures[1]).last?.id
            let changed = RegionConfiguration(
                region: configuration.region, organisations: configuration.organisations, people: configuration.people,
                structures: structures)
            let people = StructurePeople(changed)
            for structure in changed.structures {
                #expect(people.participants(of: structure) == changed.participants(of: structure), "\(file): \(structure.id)")
                #expect(people.people(of: structure) == changed.people(of: structure), "\(file): \(structure.id)")
            }
            #expect(changed.structures.contains { !people.participants(of: $0).isEmpty })
        }
    }
}
