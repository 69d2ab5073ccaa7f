import Foundation
import SamverkanICal
import SamverkanTestSupport
import Testing

/// What a calendar says stays put unless something changed for the people reading it: the
/// calendar's name survives commas and semicolons in every reader, and SEQUENCE does not rise
/// because the meeting register reaches further ahead.
@Suite("calendars stay stable", .serialized)
struct CalendarStabilityTests {
    static let window = ["--from", "2025-01-01", "--to", "2025-12-31"]

    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder("calendar-stability")
    }

    @discardableResult
    func run(_ arguments: [String], today: String = "2025-01-01") throws -> CLIRunner.Result {
        let result = try CLIRunner.run(
            arguments,
            environment: ["SAMVERKAN_DATABASE": TestDatabase.path(in: folder, name: "db.sqlite"), "SAMVERKAN_TODAY": today])
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    func export(_ selection: [String], name: String, config: String = "Config/halland.yaml", today: String = "2025-01-01") throws
        -> [String: Int]
    {
        let path = folder.path(name)
        try run(["calendar", "export", "--config", config] + selection + Self.window + ["--output", path], today: today)
        return try CalendarRegisterTests.sequences(path)
    }

    @Test(
        "A region and a structure named with `,` and `;`: X-WR-CALNAME is escaped and python icalendar and vobject read the names unchanged"
    )
    func escapedCalendarName() throws {
        let region = "Region Halland, länet; test"
        let structure = "RUG, Halland; länsnivå"
        let config = folder.path("komma.yaml")
        let text = try String(contentsOfFile: "Config/halland.yaml", encoding: .utf8)
            .replacingOccurrences(of: "\n  name: Region Halland\n", with: "\n  name: \"\(region)\"\n")
            .replacingOccurrences(of: "name: Regional utvecklingsgrupp för god och nära vård (RUG)", with: "name: \"\(structure)\"")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let all = folder.path("alla.ics")
        try run(["calendar", "export", "--config", config, "--all"] + Self.window + ["--output", all])
        let perStructure = folder.path("per") + "/"
        try run(["calendar", "export", "--config", config, "--structure", "rug"] + Self.window + ["--output", perStructure])
        let program = """
            import sys, icalendar, vobject
            for path in sys.argv[1:]:
                data = open(path, encoding="utf-8").read()
                cal = icalendar.Calendar.from_ical(data)
                print(str(cal.get("X-WR-CALNAME")))
                print(vobject.readOne(data).contents["x-wr-calname"][0].value)
            """
        let python = CalendarRegisterTests.python
        let read = try CLIRunner.runTool(python, ["-c", program, all, perStructure + "rug.ics"])
        #expect(read.status == 0, "\(read.stderr)")
        let allName = "Samverkansmöten – \(region)"
        #expect(read.stdout.split(separator: "\n").map(String.init) == [allName, allName, structure, structure], "\(read.stdout)")
        let raw = try CalendarRegisterTests.lines(all).filter { $0.hasPrefix("X-WR-CALNAME") }
        #expect(raw == [#"X-WR-CALNAME;VALUE=TEXT:Samverkansmöten – Region Halland\, länet\; test"#])
        // The structure checks of the peer hold the calendar's name to the TEXT escaping rule too.
        let schedule = try run(["schedule", "--config", config, "--structure", "rug"] + Self.window + ["--format", "json"])
        let json = folder.path("schedule.json")
        try schedule.stdout.write(toFile: json, atomically: true, encoding: .utf8)
        let check = try CLIRunner.runTool(
            python, [CalendarRegisterTests.peers.appendingPathComponent("check_ics.py").path, perStructure + "rug.ics", json])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("SEQUENCE stays when the register reaches a year further (today a year on); moving one meeting raises exactly its UID")
    func sequenceIgnoresHorizon() throws {
        let selection = ["--organisation", "hylte"]
        let before = try export(selection, name: "2025.ics")
        #expect(before.count == 3)
        // A year on, the register is derived a year further ahead; the same window says the same.
        let later = try export(selection, name: "2026.ics", today: "2026-01-02")
        #expect(later == before)
        let register = try CLIRunner.runPython(
            "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1]).execute(\"SELECT derived_through FROM register_structures WHERE structure_id = 'rug'\").fetchone()[0])",
            [try TestDatabase.sqliteFile(of: TestDatabase.path(in: folder, name: "db.sqlite"))])
        #expect(register.stdout == "2028-12-31\n", "the register reaches a year further: \(register.stdout)\(register.stderr)")
        try run([
            "meeting", "move", "--config", "Config/halland.yaml", "--structure", "rug", "--date", "2025-09-11",
            "--to", "2025-09-10", "--reason", "Lokalen upptagen",
        ])
        let moved = try export(selection, name: "moved.ics", today: "2026-01-02")
        let rug = "rug.region-halland@samverkan"
        #expect(moved[rug] == (before[rug] ?? -9) + 1)
        for (uid, number) in before where uid != rug {
            #expect(moved[uid] == number, "\(uid)")
        }
        // And back to the first today: nothing more changed.
        #expect(try export(selection, name: "again.ics") == moved)
    }
}
