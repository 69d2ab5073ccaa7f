import Foundation
import SamverkanReports
import SamverkanTestSupport
import Testing

/// Runs the built binary as a user would.
@Suite("samverkan end to end", .serialized)
struct EndToEndTests {
    @Test(
        "validate: each shipped configuration is valid, with a one-line summary",
        arguments: [
            "Config/halland.yaml", "Config/jamtland-harjedalen.yaml",
        ])
    func validateShipped(path: String) throws {
        let result = try CLIRunner.run(["validate", "--config", path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(path): giltig") == true, "\(result.stdout)")
    }

    @Test("validate: three mistakes give three FILE:LINE:COLUMN lines and exit 1")
    func validateMistakes() throws {
        let path = CLIRunner.fixture("three-mistakes.yaml")
        let result = try CLIRunner.run(["validate", "--config", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.stderr)")
        // Swedish by default, every word from Templates/sv/errors.txt.
        #expect(lines[0] == "\(path):11:5: okänd nyckel `emial` i en person (menade du \"email\"?)", "\(lines[0])")
        #expect(lines[1].hasPrefix("\(path):15:21: okänd organisation \"gamma\""), "\(lines[1])")
        #expect(lines[2].hasPrefix("\(path):17:11: `time` måste vara en tid skriven HH:MM"), "\(lines[2])")
        #expect(lines[3] == "Fel: 3 problem i \(path)")
        let english = try CLIRunner.run(["validate", "--config", path, "--lang", "en"]).stderr.split(separator: "\n").map(String.init)
        #expect(english.count == 4, "\(english)")
        #expect(english[0] == "\(path):11:5: unknown key `emial` in a person (did you mean \"email\"?)")
        #expect(english[1].hasPrefix("\(path):15:21: unknown organisation \"gamma\""))
        #expect(english[2].hasPrefix("\(path):17:11: `time` must be a time of day written HH:MM"))
        #expect(english[3].hasPrefix("Error: "))
    }

    @Test(
        "validate: unreadable files get one message, never a crash",
        arguments: [
            "not-yaml.yaml", "empty.yaml", "latin1.yaml", "does-not-exist.yaml",
        ])
    func validateUnreadable(name: String) throws {
        let result = try CLIRunner.run(["validate", "--config", CLIRunner.fixture(name)])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 2, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!result.stderr.contains("Stack dump"))
    }

    @Test("No configuration given: the error lists the shipped ones")
    func noConfig() throws {
        let result = try CLIRunner.run(["validate"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Config/halland.yaml"))
        #expect(result.stderr.contains("Config/jamtland-harjedalen.yaml"))
        #expect(result.stderr.hasPrefix("Fel: ingen konfiguration angiven. Ange --config FIL"), "\(result.stderr)")
    }

    @Test("SAMVERKAN_CONFIG is used when --config is not given")
    func configFromEnvironment() throws {
        let result = try CLIRunner.run(["validate"], environment: ["SAMVERKAN_CONFIG": "Config/jamtland-harjedalen.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Config/jamtland-harjedalen.yaml"))
    }

    @Test("structures --format json is the documented listing, with next meetings")
    func structuresJSON() throws {
        let result = try CLIRunner.run(
            ["structures", "--config", "Config/halland.yaml", "--format", "json"],
            environment: ["SAMVERKAN_TODAY": "2025-03-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let listing = try JSONDecoder().decode(StructureListing.self, from: Data(result.stdout.utf8))
        #expect(listing.schemaVersion == 1)
        #expect(listing.region.id == "region-halland")
        let rug = try #require(listing.structures.first { $0.id == "rug" })
        #expect(rug.kind == "rug")
        #expect(rug.frequency.text == "andra torsdagen varje månad")
        #expect(rug.frequency.rrule == "FREQ=MONTHLY;BYDAY=2TH")
        // The second Thursday of March 2025 is the 13th; Stockholm is UTC+1 then.
        #expect(rug.nextMeeting == "2025-03-13T09:00:00+01:00")
        #expect(rug.members.contains { $0.id == "halmstad" && $0.principal == "municipality" })
        #expect(rug.chair?.id == "bitr-hs-direktor")
        let generated = listing.structures.filter(\.generated)
        #expect(generated.count == 22)
        #expect(generated.contains { $0.kind == "single" && $0.members.contains { $0.operator == "private" } })
        // Stable: the same input gives the same bytes.
        let again = try CLIRunner.run(
            ["structures", "--config", "Config/halland.yaml", "--format", "json"],
            environment: ["SAMVERKAN_TODAY": "2025-03-01"])
        #expect(again.stdout == result.stdout)
    }

    @Test("structures: a table in Swedish by default and English with --lang en")
    func structuresTable() throws {
        let sv = try CLIRunner.run(
            ["structures", "--config", "Config/jamtland-harjedalen.yaml"],
            environment: ["SAMVERKAN_TODAY": "2025-01-10"])
        #expect(sv.status == 0)
        #expect(sv.stdout.contains("Nästa möte"))
        #expect(sv.stdout.contains("fredagsgruppen"))
        #expect(sv.stdout.contains("2025-02-21 09:00"))
        let en = try CLIRunner.run(
            ["structures", "--config", "Config/jamtland-harjedalen.yaml", "--lang", "en"],
            environment: ["SAMVERKAN_TODAY": "2025-01-10"])
        #expect(en.stdout.contains("Next meeting"))
        #expect(en.stdout.contains("the third Tuesday of every month"))
    }

    @Test("A bad option is a usage error, not a crash")
    func badOption() throws {
        let result = try CLIRunner.run(["structures", "--config", "Config/halland.yaml", "--format", "xml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("xml"))
        let lang = try CLIRunner.run(["validate", "--config", "Config/halland.yaml", "--lang", "de"])
        #expect(lang.status == 64)
        #expect(lang.stderr.contains("Fel: värdet 'de' passar inte för '--lang <språk>'; ange 'sv' eller 'en'"), "\(lang.stderr)")
    }
}
