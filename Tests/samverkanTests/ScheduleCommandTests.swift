import Foundation
import SamverkanReports
import SamverkanTestSupport
import Testing

@Suite("samverkan schedule end to end", .serialized)
struct ScheduleCommandTests {
    @Test("JSON lists every planned meeting with status, reason and ISO 8601 offsets")
    func json() throws {
        let result = try CLIRunner.run([
            "schedule", "--config", "Config/jamtland-harjedalen.yaml", "--structure", "fredagsgruppen",
            "--structure", "lokal-arena-are", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let listing = try JSONDecoder().decode(ScheduleListing.self, from: Data(result.stdout.utf8))
        #expect(listing.from == "2025-01-01")
        let fredag = listing.occurrences.filter { $0.structure == "fredagsgruppen" }
        #expect(
            fredag.map(\.start) == [
                "2025-02-21T09:00:00+01:00", "2025-05-16T09:00:00+02:00",
                "2025-09-19T09:00:00+02:00", "2025-11-21T09:00:00+01:00",
            ])
        #expect(fredag.allSatisfy { $0.uid.hasPrefix("fredagsgruppen-2025") })
        let arena = listing.occurrences.filter { $0.structure == "lokal-arena-are" }
        // Third Tuesday monthly; July is a break, and January's (the 21st) is after the Christmas break.
        let july = try #require(arena.first { $0.originalStart?.hasPrefix("2025-07") == true })
        #expect(july.status == "skipped")
        #expect(july.reason == "Sommaruppehåll")
        #expect(july.reasonCode == "break")
        #expect(arena.filter { $0.status != "skipped" }.count == 11)
        #expect(Set(arena.map(\.uid)) == ["lokal-arena-are.region-jamtland-harjedalen@samverkan"])
        #expect(arena.allSatisfy { $0.end > $0.start })
    }

    @Test("A moved meeting shows where it went and why")
    func moved() throws {
        // Halland's group level meets the second Tuesday of June: 2026-06-09 is free, but RUG's
        // second Thursday of May 2026 is Ascension Day (14 May) and moves to Wednesday the 13th.
        let result = try CLIRunner.run([
            "schedule", "--config", "Config/halland.yaml", "--structure", "rug",
            "--from", "2026-05-01", "--to", "2026-05-31", "--format", "json",
        ])
        let listing = try JSONDecoder().decode(ScheduleListing.self, from: Data(result.stdout.utf8))
        #expect(listing.occurrences.count == 1)
        let may = try #require(listing.occurrences.first)
        #expect(may.status == "moved")
        #expect(may.start == "2026-05-13T09:00:00+02:00")
        #expect(may.originalStart == "2026-05-14T09:00:00+02:00")
        #expect(may.reasonCode == "ascension")
        #expect(may.reason == "Kristi himmelsfärdsdag")
        let table = try CLIRunner.run([
            "schedule", "--config", "Config/halland.yaml", "--structure", "rug",
            "--from", "2026-05-01", "--to", "2026-05-31", "--lang", "en",
        ])
        #expect(table.stdout.contains("moved from 2026-05-14 (Ascension Day)"))
    }

    @Test("Bad input: --from after --to, a bad date, an unknown structure")
    func badInput() throws {
        let reversed = try CLIRunner.run(["schedule", "--config", "Config/halland.yaml", "--from", "2025-06-01", "--to", "2025-01-01"])
        #expect(reversed.status == 64)
        #expect(reversed.stderr.hasPrefix("Fel: --from 2025-06-01 är efter --to 2025-01-01; ange det tidigare datumet först\n"))
        #expect(reversed.stderr.contains("Användning: samverkan schedule"))
        let english = try CLIRunner.run(
            ["schedule", "--config", "Config/halland.yaml", "--from", "2025-06-01", "--to", "2025-01-01", "--lang", "en"])
        #expect(
            english.status == 64
                && english.stderr.hasPrefix("Error: --from 2025-06-01 is after --to 2025-01-01; give the earlier date first\n"))
        let badDate = try CLIRunner.run(["schedule", "--config", "Config/halland.yaml", "--from", "2025-02-30"])
        #expect(badDate.status == 64)
        #expect(
            badDate.stderr.contains("ÅÅÅÅ-MM-DD") && badDate.stderr.contains("\nHjälp:  --from <datum>  Första dagen"), "\(badDate.stderr)")
        let unknown = try CLIRunner.run(["schedule", "--config", "Config/halland.yaml", "--structure", "rugg"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Fel: strukturen \"rugg\" finns inte"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("\"rug\""))
        #expect(!unknown.stderr.contains("Fatal error"))
    }
}
