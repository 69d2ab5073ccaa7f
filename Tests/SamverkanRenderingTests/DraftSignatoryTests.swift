import Foundation
import SamverkanRendering
import SamverkanTime
import Testing

@testable import SamverkanDomain

/// The chair and the approvers (*justerare*) a draft names: people configured for the structure.
@Suite("Minutes draft: signatories")
struct DraftSignatoryTests {
    func parse(approvers: String, configuration: RegionConfiguration = MinutesFixture.configuration) throws -> Minutes {
        let context = MinutesDraftContext(
            configuration: configuration, structure: configuration.structures[0], openActions: [], phrases: MinutesFixture.phrases())
        let draft = MinutesFixture.filledDraft().replacingOccurrences(
            of: #"(?m)^Justerare:.*$"#, with: "Justerare: \(approvers)", options: .regularExpression)
        return try MinutesDraftParser.parse(draft, context: context)
    }

    @Test("Ids and names in any case are stored as the configured names; a name holding a comma is read whole")
    func configuredNames() throws {
        #expect(try parse(approvers: "anna,  bo BERG").approvers == ["Anna Andersson", "Bo Berg"])
        var configuration = MinutesFixture.configuration
        configuration.people.append(Person(id: "dan", name: "Andersson, Dan", organisation: "halmstad"))
        configuration = RegionConfiguration(
            region: configuration.region, organisations: configuration.organisations, people: configuration.people,
            structures: configuration.structures)
        #expect(try parse(approvers: "Andersson, Dan, Bo Berg", configuration: configuration).approvers == ["Andersson, Dan", "Bo Berg"])
    }

    @Test("An unknown approver is refused with the closest configured names")
    func unknown() throws {
        #expect {
            try parse(approvers: "Ana Andersson")
        } throws: { error in
            let problems = (error as? MinutesDraftError)?.problems.map(\.message) ?? []
            return problems.contains {
                $0.hasPrefix("\"Ana Andersson\" är ingen person som är konfigurerad för strukturen (menade du \"Anna Andersson\"?)")
            }
        }
    }

    @Test("Required signatories: the chair and the approvers named, each once; the configured chair when nobody is named")
    func required() {
        let configuration = MinutesFixture.configuration
        let structure = configuration.structures[0]
        let named = configuration.justering(structure: structure, chair: "cia", approvers: ["ANNA andersson", "Cia Carlsson"])
        #expect(named.required == ["Cia Carlsson", "Anna Andersson"])
        #expect(named.missing == named.required)
        #expect(!named.isComplete)
        #expect(configuration.justering(structure: structure, chair: "", approvers: []).required == ["Cia Carlsson"])
        let signed = configuration.justering(
            structure: structure, chair: "Cia Carlsson", approvers: ["anna"],
            signatures: [
                Signature(name: "Anna Andersson", date: LocalDate(iso: "2025-03-20")!, recordedAt: ""),
                Signature(name: "Cia Carlsson", date: LocalDate(iso: "2025-03-18")!, recordedAt: ""),
            ])
        #expect(signed.isComplete)
        #expect(signed.approvalDate == LocalDate(iso: "2025-03-20"))
        #expect(RegionConfiguration.closest(to: "karlsson", among: configuration.people) == ["Cia Carlsson"])
        #expect(RegionConfiguration.closest(to: "xyz", among: configuration.people).isEmpty)
    }
}
