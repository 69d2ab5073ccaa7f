import Foundation
import SamverkanTestSupport
import Testing

/// Independent peers read what `samverkan` writes: python `icalendar`, `vobject` and
/// `recurring-ical-events` (a venv made by `make test`), Debian's `khal`, and the PyPI
/// `holidays` package for the holiday computation.
@Suite("independent peers", .serialized)
struct CalendarPeerTests {
    static let python = CLIRunner.packageRoot.appendingPathComponent(".venv/bin/python").path
    static let peers = CLIRunner.packageRoot.appendingPathComponent("Tests/Peers")

    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder("peers")
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.python),
            "the peers' venv is missing: run `make test` (scripts/install-deps.sh test) once")
    }

    /// Runs a peer and returns its exit status, standard output and standard error.
    func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let result = try CLIRunner.runTool(executable, arguments)
        return (result.status, result.stdout, result.stderr)
    }

    /// Exports a configuration's calendar and schedule over a window.
    func exportAndSchedule(_ config: String, from: String, to: String) throws -> (ics: String, schedule: String) {
        let ics = folder.path("all.ics")
        let json = folder.path("schedule.json")
        let env = ["SAMVERKAN_DATABASE": TestDatabase.path(in: folder, name: "db.sqlite")]
        let export = try CLIRunner.run(
            ["calendar", "export", "--config", config, "--all", "--from", from, "--to", to, "--output", ics], environment: env)
        #expect(export.status == 0, "\(export.stderr)")
        let schedule = try CLIRunner.run(
            ["schedule", "--config", config, "--from", from, "--to", to, "--format", "json"], environment: env)
        #expect(schedule.status == 0, "\(schedule.stderr)")
        try schedule.stdout.write(toFile: json, atomically: true, encoding: .utf8)
        return (ics, json)
    }

    @Test(
        "icalendar, vobject and recurring-ical-events expand exactly `samverkan schedule`, over two years",
        arguments: ["Config/halland.yaml", "Config/jamtland-harjedalen.yaml"])
    func pythonPeers(config: String) throws {
        let (ics, schedule) = try exportAndSchedule(config, from: "2025-01-01", to: "2026-12-31")
        // The comparison window is wider than the export's, so meetings moved across its edges count too.
        let (status, out, err) = try run(
            Self.python,
            [
                Self.peers.appendingPathComponent("check_ics.py").path, ics, schedule,
                "--from", "2024-12-01", "--to", "2027-01-31",
            ])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "\(out)\n\(err)")
        #expect(status == 0, "\(out)")
        #expect(report["ok"] as? Bool == true, "\(out)")
        #expect((report["expected"] as? Int ?? 0) > 100)
        #expect(report["expanded"] as? Int == report["expected"] as? Int)
        #expect((report["problems"] as? [Any])?.isEmpty == true, "\(out)")
    }

    @Test("The checker notices a schedule that differs from the calendar")
    func checkerCanFail() throws {
        let (ics, schedule) = try exportAndSchedule("Config/halland.yaml", from: "2025-01-01", to: "2025-12-31")
        var text = try String(contentsOfFile: schedule, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"status\" : \"skipped\"", with: "\"status\" : \"scheduled\"")
        try text.write(toFile: schedule, atomically: true, encoding: .utf8)
        let (status, out, _) = try run(Self.python, [Self.peers.appendingPathComponent("check_ics.py").path, ics, schedule])
        #expect(status == 1, "\(out)")
        #expect(out.contains("\"ok\": false"))
    }

    @Test("khal imports the calendar and lists the held meetings")
    func khal() throws {
        let (ics, schedule) = try exportAndSchedule("Config/jamtland-harjedalen.yaml", from: "2025-01-01", to: "2025-12-31")
        let (status, out, err) = try run(
            "/bin/bash", [Self.peers.appendingPathComponent("khal_import.sh").path, ics, "2025-01-01", "2025-12-31"])
        #expect(status == 0, "\(err)")
        let data = try Data(contentsOf: URL(fileURLWithPath: schedule))
        let listing = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let held = (listing["occurrences"] as? [[String: Any]] ?? []).filter { $0["status"] as? String != "skipped" }
        let listed = out.split(separator: "\n").filter { $0.contains("@samverkan") }
        #expect(listed.count == held.count, "khal listed \(listed.count), schedule holds \(held.count)")
    }

    @Test("Swedish holidays agree with the PyPI holidays package for 2020–2040")
    func holidays() throws {
        let (status, out, err) = try run(Self.python, [Self.peers.appendingPathComponent("swedish_holidays.py").path, "2020", "2040"])
        #expect(status == 0, "\(err)")
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: String])
        let ours = try CLIRunner.run(["holidays", "--from", "2020-01-01", "--to", "2040-12-31", "--format", "json"])
        #expect(ours.status == 0, "\(ours.stderr)")
        let mine = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [[String: String]])
        let ourDates = Set(mine.compactMap { $0["date"] })
        // Every day they list (ordinary Sundays excluded) is a day off for us, and the other way round.
        #expect(
            Set(theirs.keys) == ourDates,
            "only theirs: \(Set(theirs.keys).subtracting(ourDates).sorted().prefix(10)); only ours: \(ourDates.subtracting(theirs.keys).sorted().prefix(10))"
        )
        #expect(ourDates.count > 300)
    }
}
