import Foundation
import SamverkanTestSupport
import Testing

/// `minutes export` and `minutes import` carry the coordinators' decisions about meetings: a
/// database filled from the archive plans, lists and publishes the same meetings as the original.
@Suite("minutes archive with meeting decisions", .serialized)
struct ArchiveDecisionsEndToEndTests {
    typealias Workspace = MinutesEndToEndTests.Workspace

    /// Runs `samverkan` on a database with the workspace's environment and expects success.
    @discardableResult
    func run(_ w: Workspace, _ arguments: [String], database: String) throws -> CLIRunner.Result {
        let result = try CLIRunner.run(arguments, environment: w.environment(database: database))
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)")
        return result
    }

    @Test("cancel (with who), move, add and restore on A → export → import into B: schedule and calendar export agree, verify passes")
    func decisionsTravel() throws {
        let w = try Workspace()
        let a = w.database
        #expect(try w.run(["minutes", "new", "--structure", "rug", "--file", try w.write(try w.filledDraft(), "a.md")]).status == 0)
        #expect(try w.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor"]).status == 0)
        let decisions: [[String]] = [
            ["cancel", "--date", "2025-05-08", "--reason", "Krockar med länsdagen", "--by", "samordnare-rug"],
            ["move", "--date", "2025-06-12", "--to", "2025-06-11T13:00", "--reason", "Lokalen upptagen"],
            ["add", "--date", "2025-08-20", "--time", "10:00", "--reason", "Extra möte om sommaren", "--by", "bitr-hs-direktor"],
            ["cancel", "--date", "2025-09-11", "--reason", "Sjukdom"],
            ["restore", "--date", "2025-09-11", "--reason", "Ordföranden är frisk igen"],
        ]
        for decision in decisions {
            try run(w, ["meeting", decision[0], "--structure", "rug"] + decision.dropFirst(), database: a)
        }
        let archive = w.folder.path("arkiv.json")
        try run(w, ["minutes", "export", "--output", archive], database: a)
        let b = w.folder.path("b/samverkan.sqlite")
        let imported = try run(w, ["minutes", "import", archive], database: b)
        #expect(
            imported.stdout.contains("1 minnesanteckningar och 5 beslut om möten (inställda, flyttade, extra) importerade"),
            "\(imported.stdout)")

        let window = ["--from", "2025-01-01", "--to", "2025-12-31"]
        for format in ["table", "json"] {
            let listing = ["schedule", "--structure", "rug"] + window + ["--format", format]
            let original = try run(w, listing, database: a).stdout
            #expect(try run(w, listing, database: b).stdout == original, "\(format)")
            if format == "json" {
                #expect(original.contains("Samordnare god och nära vård"), "who cancelled: \(original)")
            }
        }
        let whole = try run(w, ["schedule"] + window, database: a).stdout
        #expect(try run(w, ["schedule"] + window, database: b).stdout == whole)
        let lines = { (database: String, name: String) -> [String] in
            let path = w.folder.path(name)
            try run(w, ["calendar", "export", "--structure", "rug"] + window + ["--output", path], database: database)
            return try CalendarRegisterTests.lines(path)
        }
        let published = try lines(a, "a.ics")
        #expect(published.contains("RECURRENCE-ID;TZID=Europe/Stockholm:20250612T090000"))
        #expect(published.contains("EXDATE;TZID=Europe/Stockholm:20250508T090000"))
        #expect(try lines(b, "b.ics") == published)
        try run(w, ["minutes", "verify"], database: b)
        // The archive of B is the archive of A; importing it again adds nothing.
        let again = w.folder.path("igen.json")
        try run(w, ["minutes", "export", "--output", again], database: b)
        #expect(try String(contentsOfFile: again, encoding: .utf8) == String(contentsOfFile: archive, encoding: .utf8))
        #expect(try run(w, ["minutes", "import", archive], database: b).stdout.contains("0 minnesanteckningar och 0 beslut"))
    }

    @Test("An identity number hidden by a JSON escape in any field of a decision (who, when, which structure) is refused")
    func hiddenNumbersRefused() throws {
        let w = try Workspace()
        try run(
            w, ["meeting", "cancel", "--structure", "rug", "--date", "2025-05-08", "--reason", "Krock", "--by", "samordnare-rug"],
            database: w.database)
        let archive = try run(w, ["minutes", "export"], database: w.database).stdout
        let hidden = "\\u00319121212-1212"
        let fields = [("\"decidedAt\" : \"", "decidedAt"), ("\"structureID\" : \"", "structureID")]
        for (prefix, name) in fields {
            let start = try #require(archive.range(of: prefix), "\(name) in \(archive)")
            let end = try #require(archive[start.upperBound...].firstIndex(of: "\""))
            let changed = archive.replacingCharacters(in: start.lowerBound..<end, with: prefix + hidden)
            let path = try w.write(changed, "hidden-\(name).json")
            let result = try CLIRunner.run(
                ["minutes", "import", path], environment: w.environment(database: w.folder.path("\(name)/samverkan.sqlite")))
            #expect(result.status == 1 && result.stderr.contains("personnummer"), "\(name): \(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains("1212-1212"), "\(name)")
        }
    }
}
