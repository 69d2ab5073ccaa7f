import Foundation
import SamverkanICal
import SamverkanReports
import SamverkanTestSupport
import SamverkanTime
import Testing

/// Exports calendars with the built binary and has independent peers read them.
@Suite("calendar export end to end", .serialized)
struct CalendarExportTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder("export")
    }

    var environment: [String: String] { ["SAMVERKAN_DATABASE": TestDatabase.path(in: folder, name: "db.sqlite")] }

    func export(_ arguments: [String], to name: String = "out.ics") throws -> (CLIRunner.Result, String) {
        let path = folder.path(name)
        let result = try CLIRunner.run(["calendar", "export"] + arguments + ["--output", path], environment: environment)
        return (result, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    @Test("UIDs are stable and SEQUENCE rises only when a series changes")
    func sequence() throws {
        let args = ["--config", "Config/halland.yaml", "--structure", "rug", "--from", "2025-01-01", "--to", "2025-12-31"]
        let (first, text1) = try export(args)
        #expect(first.status == 0, "\(first.stderr)")
        let (_, text2) = try export(args)
        let one = try ParsedCalendar.parse(text1)
        let two = try ParsedCalendar.parse(text2)
        #expect(one.events.map(\.uid) == two.events.map(\.uid))
        #expect(one.events.map(\.sequence) == two.events.map(\.sequence))
        // Change the structure's time in a copy of the configuration: same UID, higher SEQUENCE.
        let changed = folder.url("halland.yaml")
        let yaml = try String(contentsOfFile: "Config/halland.yaml", encoding: .utf8)
        try yaml.replacingOccurrences(
            of: "    time: \"09:00\"\n    duration: 120\n    place: Regionens hus",
            with: "    time: \"10:00\"\n    duration: 120\n    place: Regionens hus"
        )
        .write(to: changed, atomically: true, encoding: .utf8)
        var changedArgs = args
        changedArgs[1] = changed.path
        let (_, text3) = try export(changedArgs)
        let three = try ParsedCalendar.parse(text3)
        #expect(three.events.first?.start?.time.description == "10:00")
        #expect(three.events.map(\.uid) == one.events.map(\.uid))
        #expect(three.events.first!.sequence == one.events.first!.sequence + 1)
    }

    @Test("One file per structure into a folder")
    func folderOutput() throws {
        let out = folder.path("kalendrar/") + "/"
        let result = try CLIRunner.run(
            [
                "calendar", "export", "--config", "Config/halland.yaml", "--organisation", "hylte",
                "--from", "2025-01-01", "--to", "2025-12-31", "--output", out,
            ], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["enskild-vc-hylte-hyltebruk.ics", "grupp-hylte.ics", "rug.ics"])
    }

    @Test(
        "Bad input leaves no file behind",
        arguments: [
            ["--structure", "nope"], ["--structure", "rug", "--from", "2025-05-01", "--to", "2025-01-01"],
            ["--structure", "rug", "--all"], [], ["--person", "nobody@nowhere.example"], ["--organisation", "atlantis"],
        ])
    func badInput(arguments: [String]) throws {
        let (result, text) = try export(["--config", "Config/halland.yaml"] + arguments, to: "bad.ics")
        #expect(result.status != 0)
        #expect(text.isEmpty)
        #expect(!result.stderr.isEmpty)
        #expect(!result.stderr.contains("Fatal error"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("bad.ics") }
        #expect(leftovers.isEmpty)
    }

    @Test("A window with no meeting is a clear error")
    func emptyWindow() throws {
        let (result, text) = try export([
            "--config", "Config/halland.yaml", "--structure", "rug", "--from", "2025-07-01", "--to", "2025-07-31",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Fel: inget möte är planerat mellan 2025-07-01 och 2025-07-31"), "\(result.stderr)")
        #expect(text.isEmpty)
    }

    @Test("An invitation is an RFC 6047 message; sent again unchanged it keeps its SEQUENCE")
    func invitation() throws {
        let path = folder.path("rug.eml")
        let args = [
            "calendar", "invite", "--config", "Config/halland.yaml", "--structure", "rug",
            "--from", "2025-01-01", "--to", "2025-12-31", "--output", path,
        ]
        let first = try CLIRunner.run(args, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let message = try String(contentsOfFile: path, encoding: .utf8)
        #expect(message.contains("Content-Type: text/calendar; method=REQUEST; charset=UTF-8"))
        let calendar = try Self.calendarPart(of: message)
        #expect(calendar.contains("METHOD:REQUEST"))
        let parsed = try ParsedCalendar.parse(calendar)
        let master = try #require(parsed.events.first)
        #expect(master.organizer?.email == "samordnare.naravard@regionhalland.example")
        #expect(master.attendees.count == 10)
        #expect(master.attendees.contains { $0.role == "CHAIR" && $0.commonName == "Biträdande hälso- och sjukvårdsdirektör" })
        #expect(master.attendees.allSatisfy { $0.rsvp == true })
        _ = try CLIRunner.run(args, environment: environment)
        let again = try ParsedCalendar.parse(try Self.calendarPart(of: try String(contentsOfFile: path, encoding: .utf8)))
        #expect(again.events.first!.sequence == master.sequence)
    }

    @Test("Cancelling one meeting sends a RECURRENCE-ID copy with METHOD:CANCEL")
    func cancelOccurrence() throws {
        let path = folder.path("cancel.eml")
        let result = try CLIRunner.run(
            [
                "calendar", "invite", "--config", "Config/halland.yaml", "--structure", "rug",
                "--from", "2025-01-01", "--to", "2025-12-31", "--cancel", "--occurrence", "2025-03-13",
                "--reason", "Krockar med länsdagen", "--output", path,
            ], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let message = try String(contentsOfFile: path, encoding: .utf8)
        #expect(message.contains("method=CANCEL"))
        let parsed = try ParsedCalendar.parse(try Self.calendarPart(of: message))
        #expect(parsed.method == "CANCEL")
        let event = try #require(parsed.events.first)
        #expect(event.status == "CANCELLED")
        #expect(event.recurrenceID?.description == "2025-03-13T09:00:00")
        #expect(event.rrule == nil)
        let wrongDay = try CLIRunner.run(
            [
                "calendar", "invite", "--config", "Config/halland.yaml", "--structure", "rug",
                "--from", "2025-01-01", "--to", "2025-12-31", "--cancel", "--occurrence", "2025-03-14",
                "--output", folder.path("x.eml"),
            ], environment: environment)
        #expect(wrongDay.status == 1)
        #expect(wrongDay.stderr.contains("har inget möte 2025-03-14"), "\(wrongDay.stderr)")
        #expect(wrongDay.stderr.contains("2025-04-10"))
    }

    @Test("A structure without a secretary or chair e-mail is invited to by the region's mailbox")
    func noOrganizer() throws {
        let path = folder.path("hylte.eml")
        let result = try CLIRunner.run(
            [
                "calendar", "invite", "--config", "Config/halland.yaml", "--structure", "grupp-hylte",
                "--from", "2025-01-01", "--to", "2025-12-31", "--output", path,
            ], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let message = try String(contentsOfFile: path, encoding: .utf8)
        #expect(message.contains("<samverkan@regionhalland.example>"))
        let calendar = try Self.calendarPart(of: message)
        #expect(try ICalDocument.restrictionProblems(ofText: calendar) == [])
        let parsed = try ParsedCalendar.parse(calendar)
        #expect(parsed.events.allSatisfy { $0.organizer?.email == "samverkan@regionhalland.example" })
        #expect(!(parsed.events.first?.attendees.isEmpty ?? true))
    }

    /// The decoded text/calendar part of an .eml.
    static func calendarPart(of message: String) throws -> String {
        let marker = "Content-Type: text/calendar"
        let afterHeader = try #require(message.range(of: marker)).upperBound
        let body = try #require(message.range(of: "\r\n\r\n", range: afterHeader..<message.endIndex)).upperBound
        let end = try #require(message.range(of: "\r\n--", range: body..<message.endIndex)).lowerBound
        let base64 = message[body..<end].replacingOccurrences(of: "\r\n", with: "")
        return String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
    }
}
