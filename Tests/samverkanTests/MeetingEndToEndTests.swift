import Foundation
import SamverkanReports
import SamverkanTestSupport
import Testing

/// `samverkan meeting cancel|move|add|restore` and everything that follows the register:
/// schedule, minutes, clashes — run as a coordinator would.
@Suite("meeting decisions end to end")
struct MeetingEndToEndTests {
    let folder: TemporaryFolder
    var database: String { folder.path("samverkan.sqlite") }

    init() throws { folder = try TemporaryFolder("meetings") }

    func run(_ arguments: [String], stdin: String? = nil) throws -> CLIRunner.Result {
        try CLIRunner.run(
            arguments + ["--config", "Config/halland.yaml", "--database", database],
            environment: ["SAMVERKAN_TODAY": "2025-03-01"], stdin: stdin)
    }

    func schedule(from: String = "2025-04-01", to: String = "2025-09-30") throws -> [ScheduleEntry] {
        let result = try run(["schedule", "--structure", "rug", "--from", from, "--to", to, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(ScheduleListing.self, from: Data(result.stdout.utf8)).occurrences
    }

    @Test("Cancel, move, add and restore reach the schedule with their reasons; minutes are refused for a cancelled meeting")
    func lifecycle() throws {
        let cancel = try run(["meeting", "cancel", "--structure", "rug", "--date", "2025-05-08", "--reason", "Krock med övning"])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(cancel.stdout.contains("Mötet 2025-05-08 för rug är inställt."))
        let move = try run([
            "meeting", "move", "--structure", "rug", "--date", "2025-06-12", "--to", "2025-06-11T13:00",
            "--reason", "Lokalen upptagen",
        ])
        #expect(move.status == 0, "\(move.stderr)")
        let add = try run([
            "meeting", "add", "--structure", "rug", "--date", "2025-08-21", "--time", "10:00", "--reason", "Extra om sommaren",
        ])
        #expect(add.status == 0, "\(add.stderr)")

        let entries = try schedule()
        let cancelled = try #require(entries.first { $0.originalStart?.hasPrefix("2025-05-08") == true })
        #expect(cancelled.status == "cancelled")
        #expect(cancelled.reason == "Krock med övning")
        #expect(cancelled.reasonCode == "decision-cancel")
        let moved = try #require(entries.first { $0.originalStart?.hasPrefix("2025-06-12") == true })
        #expect(moved.status == "moved")
        #expect(moved.start == "2025-06-11T13:00:00+02:00")
        #expect(moved.reason == "Lokalen upptagen")
        let extra = try #require(entries.first { $0.status == "extra" })
        #expect(extra.start == "2025-08-21T10:00:00+02:00")
        #expect(extra.uid == "rug-extra-20250821.region-halland@samverkan")

        // Minutes for the cancelled meeting are refused with the command that restores it.
        let draft = try run(["minutes", "template", "--structure", "rug", "--date", "2025-05-08"])
        let refused = try run(["minutes", "new", "--structure", "rug", "--date", "2025-05-08", "--file", "-"], stdin: draft.stdout)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("samverkan meeting restore --structure rug --date 2025-05-08"), "\(refused.stderr)")
        #expect(try run(["minutes", "list", "--structure", "rug"]).stdout.contains("inställt"))

        let restore = try run(["meeting", "restore", "--structure", "rug", "--date", "2025-05-08", "--reason", "Övningen flyttades"])
        #expect(restore.status == 0, "\(restore.stderr)")
        let restored = try #require(try schedule().first { $0.start.hasPrefix("2025-05-08") })
        #expect(restored.status == "scheduled")
        #expect(restored.reason == nil)
    }

    @Test(
        "Impossible decisions are refused with a clear message and exit 1, and nothing is stored",
        arguments: [
            (
                ["meeting", "cancel", "--structure", "rug", "--date", "2025-05-09", "--reason", "Krock"],
                "rug har inget möte 2025-05-09; närmaste möten är 2025-04-10, 2025-05-08, 2025-06-12"
            ),
            (
                ["meeting", "move", "--structure", "rug", "--date", "2025-05-08", "--to", "2025-05-10", "--reason", "Krock"],
                "2025-05-10 är en lördag; välj en arbetsdag för rug"
            ),
            (
                ["meeting", "move", "--structure", "rug", "--date", "2025-05-08", "--to", "2025-06-12", "--reason", "Krock"],
                "rug har redan ett möte 2025-06-12"
            ),
            (
                ["meeting", "move", "--structure", "rug", "--date", "2025-05-08", "--to", "2025-05-07", "--reason", " "],
                "ange varför med --reason"
            ),
            (
                ["minutes", "cancel", "--structure", "rug", "--date", "2025-05-09", "--reason", "Krock"],
                "rug har inget möte 2025-05-09"
            ),
            (
                ["meeting", "restore", "--structure", "rug", "--date", "2025-05-08", "--reason", "Ångrat"],
                "har inget beslut att ångra"
            ),
        ])
    func refused(arguments: [String], message: String) throws {
        let before = try schedule()
        let result = try run(arguments)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.hasPrefix("Fel: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try schedule() == before)
    }

    @Test("schedule --clashes names the home health care that has several meetings at once; validate warns on stderr only")
    func clashes() throws {
        let result = try run(["schedule", "--clashes", "--from", "2025-01-01", "--to", "2025-02-28"])
        #expect(result.status == 0, "\(result.stderr)")
        let halmstad = try #require(result.stdout.split(separator: "\n").first { $0.contains("Hemsjukvården Halmstad") })
        #expect(halmstad.contains("2025-01-29"))
        #expect(halmstad.contains("14:00–15:00"))
        #expect(halmstad.contains("enskild-vc-halmstad-norr"))
        let validate = try run(["validate"])
        #expect(validate.status == 0)
        #expect(validate.stdout.split(separator: "\n").count == 1)
        #expect(validate.stderr.contains("Hemsjukvården Halmstad:"), "\(validate.stderr)")
        #expect(validate.stderr.contains("samverkan schedule --clashes"))
    }

    @Test("Progress lines of calendar export and invite are Swedish by default and English with --lang en")
    func progressLines() throws {
        let export = try run(["calendar", "export", "--structure", "rug", "--output", folder.path("rug.ics")])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains(": 1 serie, "), "\(export.stdout)")
        let invite = try run(["calendar", "invite", "--structure", "rug", "--output", folder.path("rug.eml")])
        #expect(invite.stdout.contains(": inbjudan till rug för "), "\(invite.stdout)")
        let english = try run(["calendar", "export", "--structure", "rug", "--output", folder.path("rug2.ics"), "--lang", "en"])
        #expect(english.stdout.contains(": 1 series, "), "\(english.stdout)")
        // One file, one series: singular; a folder of several: plural.
        let all = try run(["calendar", "export", "--all", "--output", folder.path("alla.ics")])
        #expect(all.stdout.range(of: #": [0-9]+ serier, "#, options: .regularExpression) != nil, "\(all.stdout)")
        let invites = try run(["calendar", "invite", "--structure", "rug", "--output", folder.path("inbjudningar") + "/"])
        #expect(invites.stdout.hasPrefix("1 fil i "), "\(invites.stdout)\(invites.stderr)")
        let englishInvites = try run([
            "calendar", "invite", "--structure", "rug", "--output", folder.path("invitations") + "/", "--lang", "en",
        ])
        #expect(
            englishInvites.stdout.hasPrefix("1 file in ") && englishInvites.stdout.contains(" participants"), "\(englishInvites.stdout)")
    }
}
