import Foundation
import SamverkanReports
import SamverkanTestSupport
import Testing

/// Defects a first-time user's trial with the Jämtland configuration found in meeting decisions
/// and new minutes, run with the built binary as a coordinator and a secretary would.
@Suite("register trial end to end (Jämtland)")
struct RegisterTrialEndToEndTests {
    let folder: TemporaryFolder
    var database: String { TestDatabase.path(in: folder, name: "db/samverkan.sqlite") }

    init() throws { folder = try TemporaryFolder("register-trial") }

    func run(_ arguments: [String], stdin: String? = nil) throws -> CLIRunner.Result {
        try JamtlandRun.run(arguments, database: database, stdin: stdin)
    }

    func move(_ structure: String, _ date: String, to: String) throws {
        let moved = try run(["meeting", "move", "--structure", structure, "--date", date, "--to", to, "--reason", "Lokalen upptagen"])
        #expect(moved.status == 0, "\(moved.stderr)")
    }

    func template(_ structure: String, _ date: String) throws -> String {
        let template = try run(["minutes", "template", "--structure", structure, "--date", date])
        #expect(template.status == 0, "\(template.stderr)")
        // The local arenas have no chair in the configuration: the draft names who chaired.
        return template.stdout.replacingOccurrences(of: "\nOrdförande: \n", with: "\nOrdförande: Primärvårdschef\n")
            .replacingOccurrences(of: "- [ ] Primärvårdschef (Primärvårdschef)", with: "- [x] Primärvårdschef (Primärvårdschef)")
    }

    func schedule(_ structure: String) throws -> [ScheduleEntry] {
        let result = try run(["schedule", "--structure", structure, "--from", "2025-01-01", "--to", "2025-06-30", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(ScheduleListing.self, from: Data(result.stdout.utf8)).occurrences
    }

    @Test("A meeting with minutes cannot be restored (or moved again); each refusal names the action it refuses")
    func restoreRefused() throws {
        try move("lokal-arena-bracke", "2025-05-20", to: "2025-05-22T10:00")
        let saved = try run(
            ["minutes", "new", "--structure", "lokal-arena-bracke", "--file", "-"], stdin: try template("lokal-arena-bracke", "2025-05-22"))
        #expect(saved.status == 0, "\(saved.stderr)")
        let before = try schedule("lokal-arena-bracke")
        let restore = try run(["meeting", "restore", "--structure", "lokal-arena-bracke", "--date", "2025-05-20", "--reason", "ångrat"])
        #expect(restore.status == 1)
        #expect(
            restore.stderr.contains("mötet för lokal-arena-bracke 2025-05-20 har minnesanteckningar (#1); det kan inte återställas"),
            "\(restore.stderr)")
        #expect(try schedule("lokal-arena-bracke") == before)
        let moved = try #require(before.first { $0.originalStart?.hasPrefix("2025-05-20") == true })
        #expect(moved.start.hasPrefix("2025-05-22T10:00"))
        let again = try run([
            "meeting", "move", "--structure", "lokal-arena-bracke", "--date", "2025-05-20", "--to", "2025-05-23T10:00", "--reason", "x",
        ])
        #expect(again.status == 1)
        #expect(again.stderr.contains("har minnesanteckningar (#1); det kan inte flyttas"), "\(again.stderr)")
        let english = try run([
            "meeting", "restore", "--structure", "lokal-arena-bracke", "--date", "2025-05-20", "--reason", "undo", "--lang", "en",
        ])
        #expect(english.stderr.contains("has minutes (#1); it cannot be restored"), "\(english.stderr)")
        let cancel = try run(["meeting", "cancel", "--structure", "lokal-arena-bracke", "--date", "2025-05-20", "--reason", "x"])
        #expect(cancel.stderr.contains("har minnesanteckningar (#1); det kan inte ställas in"), "\(cancel.stderr)")
    }

    @Test("The draft for the planned day of a moved meeting is dated the day it was held; a draft dated the planned day is refused")
    func movedMeetingDraft() throws {
        try move("lokal-arena-berg", "2025-05-20", to: "2025-05-22T10:00")
        let draft = try template("lokal-arena-berg", "2025-05-20")
        #expect(draft.contains("\nDatum: 2025-05-22\n"), "\(draft)")
        #expect(draft.contains("\nTid: 10:00"), "\(draft)")
        #expect(draft.contains("Mötet planerades till 2025-05-20 och flyttades till 2025-05-22"), "\(draft)")
        // A draft still dated the planned day would file the minutes under a day the meeting was not held.
        let stale = try folder.write(draft.replacingOccurrences(of: "Datum: 2025-05-22", with: "Datum: 2025-05-20"), to: "stale.md")
        let refused = try run(["minutes", "new", "--structure", "lokal-arena-berg", "--file", stale])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("som planerades till 2025-05-20 flyttades till 2025-05-22; skriv Datum: 2025-05-22"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("Din fil är oförändrad"), "\(refused.stderr)")
        let saved = try run(["minutes", "new", "--structure", "lokal-arena-berg", "--date", "2025-05-20", "--file", "-"], stdin: draft)
        #expect(saved.status == 0, "\(saved.stderr)")
        let list = try run(["minutes", "list", "--structure", "lokal-arena-berg"]).stdout
        #expect(list.contains("2025-05-22") && !list.contains("2025-05-20"), "\(list)")
    }

    @Test("--date and the draft's Datum that disagree are refused naming both; the file is untouched and nothing stored")
    func dateDisagrees() throws {
        let file = try folder.write(try template("lokal-arena-berg", "2025-03-18"), to: "d8.md")
        let refused = try run(["minutes", "new", "--structure", "lokal-arena-berg", "--date", "2025-04-15", "--file", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--date 2025-04-15 och utkastets Datum: 2025-03-18 stämmer inte överens"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Din fil är oförändrad, inget har gått förlorat: \(file)"), "\(refused.stderr)")
        #expect(!(try run(["minutes", "list", "--structure", "lokal-arena-berg"]).stdout.contains("2025-03-18")))
        let agreeing = try run(["minutes", "new", "--structure", "lokal-arena-berg", "--date", "2025-03-18", "--file", file])
        #expect(agreeing.status == 0, "\(agreeing.stderr)")
    }

    @Test("An extra meeting's minutes on a Saturday are refused like meeting add; days off are named")
    func daysOffNamed() throws {
        let saturday = try template("lokal-arena-berg", "2025-03-18").replacingOccurrences(
            of: "Datum: 2025-03-18", with: "Datum: 2025-06-14")
        let extra = try run(["minutes", "new", "--structure", "lokal-arena-berg", "--extra", "--file", "-"], stdin: saturday)
        #expect(extra.status == 1)
        #expect(extra.stderr.contains("2025-06-14 är en lördag; välj en arbetsdag för lokal-arena-berg"), "\(extra.stderr)")
        let add = try run(["meeting", "add", "--structure", "lokal-arena-berg", "--date", "2025-06-14", "--reason", "x"])
        #expect(add.stderr.contains("2025-06-14 är en lördag; välj en arbetsdag för lokal-arena-berg"), "\(add.stderr)")
        let cases = [
            ("2025-10-25", "2025-10-25 är en lördag"), ("2025-10-26", "2025-10-26 är en söndag"),
            ("2025-06-06", "2025-06-06 är en helgdag (Sveriges nationaldag)"),
            ("2025-07-08", "2025-07-08 ligger i uppehållet Sommaruppehåll för lokal-arena-berg"),
        ]
        for (day, message) in cases {
            let refused = try run([
                "meeting", "move", "--structure", "lokal-arena-berg", "--date", "2025-05-20", "--to", day + "T13:00", "--reason", "x",
            ])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
        let english = try run([
            "meeting", "move", "--structure", "lokal-arena-berg", "--date", "2025-05-20", "--to", "2025-06-06T13:00", "--reason", "x",
            "--lang", "en",
        ])
        #expect(english.stderr.contains("2025-06-06 is a public holiday (National Day of Sweden)"), "\(english.stderr)")
    }

    @Test("The hint of a decision about a day without a meeting lists the nearest meetings as they are now")
    func nearestAsTheyAre() throws {
        let cancel = try run(["meeting", "cancel", "--structure", "lokal-arena-bracke", "--date", "2025-04-15", "--reason", "Sjukdom"])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        try move("lokal-arena-bracke", "2025-05-20", to: "2025-05-22T10:00")
        let refused = try run(["meeting", "cancel", "--structure", "lokal-arena-bracke", "--date", "2025-04-16", "--reason", "x"])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "lokal-arena-bracke har inget möte 2025-04-16; närmaste möten är 2025-03-18, 2025-04-15 (inställt), 2025-05-22 (flyttat från 2025-05-20)"
            ), "\(refused.stderr)")
        let english = try run([
            "meeting", "cancel", "--structure", "lokal-arena-bracke", "--date", "2025-04-16", "--reason", "x", "--lang", "en",
        ])
        #expect(english.stderr.contains("2025-04-15 (cancelled), 2025-05-22 (moved from 2025-05-20)"), "\(english.stderr)")
    }
}
