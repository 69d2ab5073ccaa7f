import Foundation
import SamverkanConfig
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanTemplates
import SamverkanTestSupport
import SamverkanTime
import Testing

@Suite("Structure listing")
struct StructureCatalogTests {
    static let root = CLIRunner.packageRoot

    func catalog(_ config: String, language: String = "sv", today: String = "2025-06-15") throws -> StructureCatalog {
        let configuration = try ConfigLoader.load(path: Self.root.appendingPathComponent(config).path)
        return StructureCatalog(
            configuration: configuration,
            phrases: Phrasebook(language: language, phrases: try Templates.phrases(language: language)),
            today: LocalDate(iso: today)!)
    }

    @Test("Next meeting is the first planned start on or after today, in summer time where it applies")
    func next() throws {
        let listing = try catalog("Config/jamtland-harjedalen.yaml").listing()
        let fredag = try #require(listing.structures.first { $0.id == "fredagsgruppen" })
        #expect(fredag.nextMeeting == "2025-09-19T09:00:00+02:00")
        #expect(fredag.frequency.dates?.first == "2025-02-21")
        #expect(fredag.activities.count == 15)
        #expect(fredag.activities.first { $0.id == "fk-medarbetares-tillgang" }?.status == "partly")
    }

    @Test("JSON round-trips through the documented types and has sorted keys")
    func json() throws {
        let catalog = try catalog("Config/halland.yaml")
        let text = try catalog.json()
        let decoded = try JSONDecoder().decode(StructureListing.self, from: Data(text.utf8))
        #expect(decoded == catalog.listing())
        #expect(text.contains("\"durationMinutes\" : 120"))
        #expect(text.range(of: "\"activities\"")!.lowerBound < text.range(of: "\"breaks\"")!.lowerBound)
    }

    @Test("The table has a header, a rule and one row per structure")
    func table() throws {
        let catalog = try catalog("Config/halland.yaml", language: "en")
        let lines = catalog.table().split(separator: "\n")
        #expect(lines.count == catalog.configuration.structures.count + 2)
        #expect(lines[0].hasPrefix("Id"))
        #expect(lines[1].allSatisfy { $0 == "-" || $0 == " " })
        #expect(lines.contains { $0.hasPrefix("rug ") && $0.contains("the second Thursday of every month") })
    }

    @Test("Text tables cut long cells but never the last column")
    func cut() {
        let table = TextTable(
            header: ["a", "b"], rows: [[String(repeating: "x", count: 100), String(repeating: "y", count: 100)]],
            maxCellWidth: 10
        ).render()
        #expect(table.contains("xxxxxxxxx…"))
        #expect(table.contains(String(repeating: "y", count: 100)))
    }
}
