import Foundation
import SamverkanICal
import SamverkanTestSupport
import SamverkanTime
import Testing

/// Calendars and invitations read the meeting register: after coordinator decisions the
/// independent peers expand exactly what `samverkan schedule` holds, SEQUENCE belongs to a UID
/// and follows what attendees see, and every scheduling message carries one UID.
@Suite("calendars follow the meeting register", .serialized)
struct CalendarRegisterTests {
    static let python = CLIRunner.packageRoot.appendingPathComponent(".venv/bin/python").path
    static let peers = CLIRunner.packageRoot.appendingPathComponent("Tests/Peers")
    static let window = ["--from", "2025-01-01", "--to", "2025-12-31"]

    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder("register-calendar")
    }

    var environment: [String: String] {
        ["SAMVERKAN_DATABASE": TestDatabase.path(in: folder, name: "db.sqlite"), "SAMVERKAN_TODAY": "2025-01-01"]
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> CLIRunner.Result {
        let result = try CLIRunner.run(arguments, environment: environment)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    func decide(_ action: String, _ date: String, _ more: [String] = [], reason: String = "Krock med länsdagen") throws {
        try run(["meeting", action, "--config", "Config/halland.yaml", "--structure", "rug", "--date", date, "--reason", reason] + more)
    }

    func export(
        _ selection: [String], _ window: [String] = Self.window, config: String = "Config/halland.yaml",
        name: String = "out.ics"
    ) throws -> String {
        let path = folder.path(name)
        try run(["calendar", "export", "--config", config] + selection + window + ["--output", path])
        return path
    }

    /// The content lines of a calendar, unfolded, without DTSTAMP.
    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
            .components(separatedBy: "\r\n").filter { !$0.hasPrefix("DTSTAMP:") }
    }

    /// SEQUENCE by UID (the master's).
    static func sequences(_ path: String) throws -> [String: Int] {
        let parsed = try ParsedCalendar.parse(try String(contentsOfFile: path, encoding: .utf8))
        return Dictionary(parsed.events.map { ($0.uid, $0.sequence) }) { first, _ in first }
    }

    /// The held meetings of `samverkan schedule --format json` as "UID YYYY-MM-DDTHH:MM".
    func held(_ structure: String) throws -> (json: String, held: Set<String>) {
        let result = try run(
            ["schedule", "--config", "Config/halland.yaml", "--structure", structure] + Self.window + ["--format", "json"])
        let path = folder.path("schedule.json")
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entries = listing["occurrences"] as? [[String: Any]] ?? []
        let held = entries.filter { ["scheduled", "moved", "extra"].contains($0["status"] as? String ?? "") }
            .map { "\($0["uid"] as? String ?? "") \(String(($0["start"] as? String ?? "").prefix(16)))" }
        return (path, Set(held))
    }

    /// python icalendar + recurring-ical-events and vobject (check_ics.py), and khal, expand the
    /// calendar to exactly the held meetings of the schedule.
    func expectPeersAgree(ics: String, structure: String) throws {
        let (json, held) = try held(structure)
        let check = try CLIRunner.runTool(
            Self.python,
            [
                Self.peers.appendingPathComponent("check_ics.py").path, ics, json,
                "--structure", structure,
            ])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any],
            "\(check.stdout)\n\(check.stderr)")
        #expect(report["ok"] as? Bool == true, "\(check.stdout)")
        #expect(report["expanded"] as? Int == held.count, "\(check.stdout)")
        let khal = try CLIRunner.runTool(
            "/bin/bash",
            [
                Self.peers.appendingPathComponent("khal_import.sh").path, ics,
                "2025-01-01", "2025-12-31",
            ])
        #expect(khal.status == 0, "\(khal.stderr)")
        let listed = Set(khal.stdout.split(separator: "\n").map(String.init).filter { $0.contains("@samverkan") })
        #expect(listed == held, "only khal: \(listed.subtracting(held).sorted()); only schedule: \(held.subtracting(listed).sorted())")
    }

    @Test("After cancel, move, add and restore, the peers expand exactly the held meetings of `schedule`")
    func decisionsReachCalendars() throws {
        try decide("cancel", "2025-03-13")
        try decide("move", "2025-06-12", ["--to", "2025-06-11T13:00"], reason: "Lokalen upptagen")
        try decide("add", "2025-08-21", ["--time", "10:00"], reason: "Extra möte om sommaren")
        try decide("cancel", "2025-05-08")
        try decide("restore", "2025-05-08", reason: "Övningen flyttades")
        let ics = try export(["--structure", "rug"])
        try expectPeersAgree(ics: ics, structure: "rug")
        let (_, held) = try held("rug")
        #expect(held.count == 11)  // 12 planned, July's break, one cancelled, one extra
        #expect(held.contains("rug-extra-20250821.region-halland@samverkan 2025-08-21T10:00"))
        #expect(!held.contains { $0.hasSuffix("2025-03-13T09:00") })
        let text = try Self.lines(ics).joined(separator: "\n")
        #expect(text.contains("EXDATE;TZID=Europe/Stockholm:20250313T090000"))
        #expect(!text.contains("20250508T090000"))
        #expect(text.contains("RECURRENCE-ID;TZID=Europe/Stockholm:20250612T090000"))
        #expect(text.contains("Flyttat från 2025-06-12: Lokalen upptagen"))
        #expect(text.contains("Extra möte: Extra möte om sommaren"))
        #expect(text.contains("UID:rug-extra-20250821.region-halland@samverkan"))
    }

    @Test("SEQUENCE: unchanged exports are identical but for DTSTAMP, a change raises only its UID, a later window changes nothing")
    func sequencePerUID() throws {
        let selection = ["--organisation", "hylte"]
        let first = try Self.lines(try export(selection, name: "one.ics"))
        let second = try Self.lines(try export(selection, name: "two.ics"))
        #expect(first == second)
        let before = try Self.sequences(folder.path("two.ics"))
        #expect(before.count == 3)
        try decide("move", "2025-09-11", ["--to", "2025-09-10"], reason: "Lokalen upptagen")
        let after = try Self.sequences(try export(selection, name: "three.ics"))
        #expect(after["rug.region-halland@samverkan"] == (before["rug.region-halland@samverkan"] ?? -9) + 1)
        for (uid, number) in before where uid != "rug.region-halland@samverkan" {
            #expect(after[uid] == number, "\(uid)")
        }
        let later = try Self.sequences(try export(selection, ["--from", "2025-04-01", "--to", "2025-12-31"], name: "four.ics"))
        #expect(later == after)
        // Invitations share the SEQUENCE: the same number for the unchanged series.
        let eml = folder.path("rug.eml")
        try run(["calendar", "invite", "--config", "Config/halland.yaml", "--structure", "rug"] + Self.window + ["--output", eml])
        let invitation = try ParsedCalendar.parse(
            try CalendarExportTests.calendarPart(of: try String(contentsOfFile: eml, encoding: .utf8)))
        #expect(invitation.events.allSatisfy { $0.sequence == after["rug.region-halland@samverkan"] })
    }

    @Test("One scheduling message per UID: a folder gets one .eml each, a single file is refused")
    func oneMessagePerUID() throws {
        let single = folder.path("fredag.eml")
        let refused = try CLIRunner.run(
            [
                "calendar", "invite", "--config", "Config/jamtland-harjedalen.yaml", "--structure",
                "fredagsgruppen",
            ] + Self.window + ["--output", single], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("ange en mapp som --output"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: single))
        let out = folder.path("fredag") + "/"
        try run(
            ["calendar", "invite", "--config", "Config/jamtland-harjedalen.yaml", "--structure", "fredagsgruppen"]
                + Self.window + ["--output", out])
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        let exported = try ParsedCalendar.parse(
            try String(
                contentsOfFile: try export(
                    ["--structure", "fredagsgruppen"], config: "Config/jamtland-harjedalen.yaml"), encoding: .utf8))
        #expect(files.count == Set(exported.events.map(\.uid)).count)
        #expect(files.count > 1)
        #expect(files.allSatisfy { $0.hasPrefix("fredagsgruppen-2025") && $0.hasSuffix(".eml") })
        // A dated meeting a coordinator cancelled: the next invitation flow cancels its UID.
        try run([
            "meeting", "cancel", "--config", "Config/jamtland-harjedalen.yaml", "--structure", "fredagsgruppen",
            "--date", "2025-05-16", "--reason", "Krock med länsdagen",
        ])
        let again = folder.path("fredag-igen") + "/"
        try run(
            ["calendar", "invite", "--config", "Config/jamtland-harjedalen.yaml", "--structure", "fredagsgruppen"]
                + Self.window + ["--output", again])
        let cancelled = try CalendarExportTests.calendarPart(
            of: try String(contentsOfFile: again + "fredagsgruppen-20250516.eml", encoding: .utf8))
        #expect(try ICalDocument.restrictionProblems(ofText: cancelled) == [])
        let cancelledEvent = try #require(try ParsedCalendar.parse(cancelled).events.first)
        #expect(try ParsedCalendar.parse(cancelled).method == "CANCEL")
        #expect(cancelledEvent.status == "CANCELLED")
        #expect(cancelledEvent.sequence == 1)
        #expect(
            !(try Self.lines(try export(["--structure", "fredagsgruppen"], config: "Config/jamtland-harjedalen.yaml", name: "fredag.ics"))
                .contains("UID:fredagsgruppen-20250516.region-jamtland-harjedalen@samverkan")))
        // An extra meeting of a series is a second UID, so a second message.
        try decide("add", "2025-08-21", reason: "Extra möte om sommaren")
        let rug = folder.path("rug") + "/"
        try run(["calendar", "invite", "--config", "Config/halland.yaml", "--structure", "rug"] + Self.window + ["--output", rug])
        #expect(try FileManager.default.contentsOfDirectory(atPath: rug).sorted() == ["rug-extra-20250821.eml", "rug.eml"])
        for path in files.map({ out + $0 }) + ["rug.eml", "rug-extra-20250821.eml"].map({ rug + $0 }) {
            let calendar = try CalendarExportTests.calendarPart(of: try String(contentsOfFile: path, encoding: .utf8))
            #expect(try ICalDocument.restrictionProblems(ofText: calendar) == [], "\(path)")
            let parsed = try ParsedCalendar.parse(calendar)
            #expect(parsed.method == "REQUEST")
            #expect(Set(parsed.events.map(\.uid)).count == 1, "\(path)")
        }
    }

    @Test("`calendar invite --cancel` is stored: the next export and invitation leave the meeting out")
    func cancelIsStored() throws {
        let eml = folder.path("cancel.eml")
        try run(
            ["calendar", "invite", "--config", "Config/halland.yaml", "--structure", "rug"] + Self.window
                + ["--cancel", "--occurrence", "2025-03-13", "--reason", "Krockar med länsdagen", "--output", eml])
        let cancel = try CalendarExportTests.calendarPart(of: try String(contentsOfFile: eml, encoding: .utf8))
        #expect(try ICalDocument.restrictionProblems(ofText: cancel) == [])
        let parsed = try ParsedCalendar.parse(cancel)
        #expect(parsed.method == "CANCEL")
        #expect(parsed.events.count == 1)
        #expect(parsed.events.first?.recurrenceID?.description == "2025-03-13T09:00:00")
        // Stored as a decision: the schedule, the feed and the next invitation agree.
        let (_, held) = try held("rug")
        #expect(!held.contains { $0.hasSuffix("2025-03-13T09:00") })
        let ics = try export(["--structure", "rug"])
        try expectPeersAgree(ics: ics, structure: "rug")
        let next = folder.path("next.eml")
        try run(["calendar", "invite", "--config", "Config/halland.yaml", "--structure", "rug"] + Self.window + ["--output", next])
        let invitation = try ParsedCalendar.parse(
            try CalendarExportTests.calendarPart(of: try String(contentsOfFile: next, encoding: .utf8)))
        let master = try #require(invitation.events.first { $0.recurrenceID == nil })
        #expect(master.exdates.map(\.description).contains("2025-03-13T09:00:00"))
        #expect(master.sequence == parsed.events.first?.sequence)
        #expect(!invitation.events.contains { $0.recurrenceID?.description == "2025-03-13T09:00:00" })
    }

    @Test("`calendar export --person` names the calendar after the person")
    func personName() throws {
        let ics = try export(["--person", "samordnare.naravard@regionhalland.example"])
        let parsed = try ParsedCalendar.parse(try String(contentsOfFile: ics, encoding: .utf8))
        let person = try #require(parsed.name)
        #expect(person.hasPrefix("Samverkansmöten – "))
        #expect(person == "Samverkansmöten – Samordnare god och nära vård")
    }
}
