import Foundation
import SamverkanTestSupport
import Testing

/// What a first-time user of the Jämtland configuration saw on 2025-06-15: the reminders of
/// structures without a secretary or chair address, the words of the mails, `--lang` before
/// the command, and the calendar's descriptions.
@Suite("Jämtland trial end to end", .serialized)
struct JamtlandTrialEndToEndTests {
    let folder: TemporaryFolder
    var database: String { folder.path("samverkan.sqlite") }

    init() throws { folder = try TemporaryFolder("jamtland-trial") }

    /// The Jämtland configuration, with `region: email` left out when `regionEmail` is false.
    func config(regionEmail: Bool = true) throws -> String {
        var text = try String(
            contentsOfFile: CLIRunner.packageRoot.appendingPathComponent("Config/jamtland-harjedalen.yaml").path, encoding: .utf8)
        if !regionEmail {
            let line = "  email: samverkan@regionjh.example\n"
            #expect(text.contains(line))
            text = text.replacingOccurrences(of: line, with: "")
        }
        return try folder.write(text, to: regionEmail ? "jamtland.yaml" : "jamtland-no-email.yaml")
    }

    func run(_ arguments: [String], config: String) throws -> CLIRunner.Result {
        try CLIRunner.run(
            arguments + ["--config", config, "--database", database], environment: ["SAMVERKAN_TODAY": "2025-06-15"])
    }

    @Test("Missing minutes of a structure without secretary or chair address go to the region's mailbox through msmtp")
    func regionMailbox() throws {
        let sink = try SMTPSink()
        try sink.start()
        defer { sink.stop() }
        let config = try config()
        let result = try run(["notify", "--sendmail", try sink.sendmail()], config: config)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("ingen att skicka till"), "\(result.stderr)")
        let missing = try sink.received().filter { $0.subject.hasPrefix("Påminnelse: minnesanteckningar saknas") }
        let berg = try #require(missing.first { $0.subject.contains("Lokal samverkansarena Berg") }, "\(missing.map(\.subject))")
        #expect(berg.rcpt == ["samverkan@regionjh.example"])
        #expect(berg.text.contains("Hej Region Jämtland Härjedalen!"), "\(berg.text)")
        #expect(berg.text.contains("samverkan minutes new --structure "), "\(berg.text)")
        // Fredagsgruppen has a secretary with an address: the reminder goes to her, not to the region.
        let fredag = try #require(missing.first { $0.subject.contains("Fredagsgruppen 2025-05-16") }, "\(missing.map(\.subject))")
        #expect(fredag.rcpt == ["fredagsgruppen.sekreterare@regionjh.example"])
        #expect(fredag.text.contains("var planerat till 2025-05-16, för 30 dagar sedan"), "\(fredag.text)")
        #expect(fredag.text.contains("samverkan minutes new --structure fredagsgruppen --date 2025-05-16"), "\(fredag.text)")
        #expect(missing.filter { $0.rcpt == ["samverkan@regionjh.example"] }.count >= 5, "\(missing.map(\.subject))")
        // Berg has neither place nor video link: its notice leaves no empty lines for them.
        let notice = try #require(
            try sink.received().first { $0.subject == "Kallelse 2025-06-17: Lokal samverkansarena Berg" }, "\(missing.map(\.subject))")
        let text = notice.text.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.contains("Kallelse till Lokal samverkansarena Berg 2025-06-17 kl. 13:00–15:00.\n\nDagordning:"), "\(text)")
        #expect(!text.contains("\n\n\n"), "\(text)")
        #expect(text.contains("Föregående minnesanteckningar: inga tidigare minnesanteckningar"), "\(text)")
        #expect(!text.localizedCaseInsensitiveContains("protokoll"), "\(text)")
    }

    @Test("--lang before the command works as after it: `--lang en minutes pending`, `--lang=en schedule …`")
    func languageFirst() throws {
        let config = try config()
        let pending = try run(["--lang", "en", "minutes", "pending"], config: config)
        #expect(pending.status == 0, "\(pending.stderr)")
        #expect(pending.stdout.contains("No minutes are waiting for approval."), "\(pending.stdout)")
        let window = ["--from", "2025-06-01", "--to", "2025-06-30"]
        let first = try run(["--lang=en", "schedule"] + window, config: config)
        #expect(first.status == 0, "\(first.stderr)")
        let after = try run(["schedule"] + window + ["--lang", "en"], config: config)
        let swedish = try run(["schedule"] + window, config: config)
        #expect(first.stdout == after.stdout)
        #expect(first.stdout != swedish.stdout)
        // A mistake after a leading --lang is still said in English.
        let wrong = try run(["--lang", "en", "minutes", "pending", "--bogus"], config: config)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("Error: unknown option '--bogus'"), "\(wrong.stderr)")
    }

    @Test("A calendar event's description starts with the structure's name, not a lower-case kind word")
    func eventDescription() throws {
        let config = try config()
        let path = folder.path("berg.ics")
        let export = try run(
            ["calendar", "export", "--structure", "lokal-arena-berg", "--from", "2025-06-01", "--to", "2025-12-31", "--output", path],
            config: config)
        #expect(export.status == 0, "\(export.stderr)")
        let ics = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.contains("DESCRIPTION:Samverkansmöte: Lokal samverkansarena Berg\\nTyp: övrig\\n"), "\(ics)")
        #expect(!ics.contains("DESCRIPTION:övrig"))
    }

    @Test("With no address at all, notify says so for each structure on standard error and in its summary")
    func nobodyToSendTo() throws {
        let sink = try SMTPSink()
        try sink.start()
        defer { sink.stop() }
        let config = try config(regionEmail: false)
        let result = try run(["notify", "--sendmail", try sink.sendmail()], config: config)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").filter { $0.contains("ingen att skicka till") }
        #expect(lines.count >= 5, "\(result.stderr)")
        #expect(
            lines.contains {
                $0.hasPrefix("påminnelse om minnesanteckningar för Lokal samverkansarena Berg (")
                    && $0.contains("region: email")
            }, "\(result.stderr)")
        #expect(result.stdout.contains("\(lines.count) utan mottagare"), "\(result.stdout)")
        #expect(!(try sink.received().contains { $0.rcpt.contains { $0.hasSuffix(".invalid") } }))
    }
}
