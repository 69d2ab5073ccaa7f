import Foundation
import SamverkanStore
import SamverkanTestSupport
import Testing

/// `samverkan notify`, `calendar invite --send` and `meeting cancel --notify` sending through
/// Debian's real `msmtp` to a real SMTP server on loopback (aiosmtpd), checked with Python's
/// e-mail parser and `icalendar`.
@Suite("mail end to end", .serialized)
struct MailEndToEndTests {
    let folder: TemporaryFolder
    var database: String { folder.path("samverkan.sqlite") }

    init() throws { folder = try TemporaryFolder("mail") }

    /// Halland's configuration with a `mail:` section (a sender whose name has a comma and å).
    func config(sendmail: String) throws -> String {
        let base = try String(contentsOfFile: CLIRunner.packageRoot.appendingPathComponent("Config/halland.yaml").path, encoding: .utf8)
        return try folder.write(
            base + """

                mail:
                  sendmail: "\(sendmail)"
                  from: "Region Halland, Samverkan för närvård <samverkan@regionhalland.example>"
                  reply-to: samverkan@regionhalland.example
                """ + "\n", to: "halland-mail.yaml")
    }

    func run(
        _ arguments: [String], config: String, today: String = "2025-05-01",
        environment: [String: String] = [:]
    ) throws -> CLIRunner.Result {
        try CLIRunner.run(
            arguments + ["--config", config, "--database", database],
            environment: ["SAMVERKAN_TODAY": today].merging(environment) { $1 })
    }

    func log() throws -> [[String?]] {
        try AppDatabase.open(path: database).unsafeRawRead("SELECT kind, key, status, attempts, message_id FROM mail_log ORDER BY id")
    }

    @Test("notify sends each notice once through msmtp: recipients, encoded headers, Swedish text; a second run sends nothing")
    func notices() throws {
        let sink = try SMTPSink()
        try sink.start()
        defer { sink.stop() }
        let config = try config(sendmail: try sink.sendmail())
        let first = try run(["notify"], config: config)
        #expect(first.status == 0, "\(first.stderr)")
        let received = try sink.received()
        let rows = try log()
        #expect(received.count == rows.count)
        #expect(received.count >= 8)
        #expect(rows.allSatisfy { $0[2] == "sent" && $0[3] == "1" })
        for message in received {
            #expect(message.rcpt.count == 1)
            #expect(message.to.count == 1 && message.to[0].hasSuffix("<\(message.rcpt[0])>"))
            #expect(message.from == ["Region Halland, Samverkan för närvård <samverkan@regionhalland.example>"])
            #expect(message.reply_to == ["samverkan@regionhalland.example"])
            #expect(message.defects.isEmpty)
            #expect(message.content_method == nil)
        }
        let notice = try #require(
            received.first { $0.subject == "Kallelse 2025-05-08: Regional utvecklingsgrupp för god och nära vård (RUG)" })
        #expect(
            notice.text.contains("Kallelse till Regional utvecklingsgrupp för god och nära vård (RUG) 2025-05-08 kl. 09:00–11:00."),
            "\(notice.text)")
        #expect(notice.text.contains("Dagordning:"))
        #expect(notice.text.contains("Föregående minnesanteckningar: inga tidigare minnesanteckningar"))
        #expect(Set(received.map(\.message_id)).count == received.count)
        let missing = try #require(
            received.first { $0.subject.hasPrefix("Påminnelse: minnesanteckningar saknas") && $0.subject.hasSuffix("(RUG) 2025-04-10") })
        #expect(missing.text.contains("samverkan minutes new --structure rug --date 2025-04-10"), "\(missing.text)")
        #expect(missing.text.contains("var planerat till 2025-04-10, för 21 dagar sedan"), "\(missing.text)")
        #expect(!missing.text.contains("minutes template") && !missing.text.contains("hölls"))
        #expect(
            !received.contains {
                $0.subject.localizedCaseInsensitiveContains("protokoll") || $0.text.localizedCaseInsensitiveContains("protokoll")
            })

        let second = try run(["notify"], config: config)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("0 skickade, 0 misslyckade, \(received.count) redan skickade"), "\(second.stdout)")
        #expect(try sink.received().count == received.count)
    }

    @Test("invite --send and meeting cancel --notify deliver text/calendar REQUEST and CANCEL to every participant, one UID each")
    func itip() throws {
        let sink = try SMTPSink()
        try sink.start()
        defer { sink.stop() }
        let config = try config(sendmail: try sink.sendmail())
        let invite = try run(["calendar", "invite", "--structure", "rug", "--send"], config: config, today: "2025-03-01")
        #expect(invite.status == 0, "\(invite.stderr)")
        let cancel = try run(
            ["meeting", "cancel", "--structure", "rug", "--date", "2025-05-08", "--reason", "Krock med övning", "--notify"],
            config: config, today: "2025-03-01")
        #expect(cancel.status == 0, "\(cancel.stderr)")
        let received = try sink.received()
        #expect(received.count == 2)
        let request = try #require(received.first)
        #expect(request.content_method == "REQUEST" && request.ical_method == "REQUEST")
        #expect(request.uids == ["rug.region-halland@samverkan"])
        #expect(request.rcpt.count == 10)
        #expect(Set(request.rcpt) == Set(request.to.map { String($0.split(separator: "<").last!.dropLast()) }))
        #expect(request.text.contains("Du är inbjuden till mötesserien"))
        #expect(request.subject == "Inbjudan: Regional utvecklingsgrupp för god och nära vård (RUG)")
        let cancellation = try #require(received.last)
        #expect(cancellation.content_method == "CANCEL" && cancellation.ical_method == "CANCEL")
        #expect(cancellation.uids == ["rug.region-halland@samverkan"])
        #expect(cancellation.text.contains("Krock med övning"))
        #expect(Set(cancellation.rcpt) == Set(request.rcpt))
        #expect(try log().map { $0[0] } == ["invitation", "cancellation"])
    }

    @Test("SMTP server down: nothing is recorded as sent, exit 5; the next run after the server is back sends everything once")
    func serverDown() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let down = try run(
            ["notify", "--sendmail", "msmtp -C \(try sink.msmtpConfig(port: SMTPSink.closedPort())) -t -i"],
            config: try config(sendmail: "msmtp -t -i"))
        #expect(down.status == 5)
        #expect(down.stderr.contains("misslyckades"), "\(down.stderr)")
        #expect(down.stderr.contains("försöks igen vid nästa körning"))
        let failed = try log()
        #expect(!failed.isEmpty)
        #expect(failed.allSatisfy { $0[2] == "failed" })

        try sink.start()
        let again = try run(["notify", "--sendmail", try sink.sendmail()], config: try config(sendmail: "msmtp -t -i"))
        #expect(again.status == 0, "\(again.stderr)")
        let rows = try log()
        #expect(rows.count == failed.count)
        #expect(rows.allSatisfy { $0[2] == "sent" && $0[3] == "2" })
        let received = try sink.received()
        #expect(received.count == rows.count)
        // The retry keeps each message's first Message-ID.
        #expect(
            Set(received.map { $0.message_id.trimmingCharacters(in: CharacterSet(charactersIn: "<>")) }) == Set(failed.compactMap { $0[4] })
        )
    }

    @Test("A failed message that is no longer due is reported on every later run, never dropped silently")
    func failedNoLongerDue() throws {
        let sink = try SMTPSink()
        let sendmail = "msmtp -C \(try sink.msmtpConfig(port: SMTPSink.closedPort())) -t -i"
        let config = try config(sendmail: sendmail)
        #expect(try run(["notify"], config: config).status == 5)
        let later = try run(["notify"], config: config, today: "2025-05-20")
        #expect(
            later.stderr.contains(
                "kallelse till socialchef@halmstad.example (2025-05-08) kunde inte skickas efter 1 försök och är inte längre aktuellt att skicka"
            ),
            "\(later.stderr)")
        #expect(try log().contains { $0[0] == "notice" && $0[2] == "failed" })
    }

    @Test("Killed between sending and recording: a fresh claim is left alone, a stale one is sent again — at most one duplicate, no loss")
    func killedWhileSending() throws {
        let sink = try SMTPSink()
        try sink.start()
        defer { sink.stop() }
        // Delivers the message, then kills samverkan before it can record it as sent.
        let killer = try folder.writeScript(
            """
            #!/bin/sh
            msmtp -C \(try sink.msmtpConfig()) -t -i || exit 1
            kill -9 $PPID
            """, to: "kill-after-send.sh")
        let config = try config(sendmail: "msmtp -t -i")
        let killed = try run(["notify", "--sendmail", killer], config: config)
        #expect(killed.signalled)
        #expect(try sink.received().count == 1)
        #expect(try log().map { $0[2] } == ["sending"])

        // At once: the claim is fresh (its run might still be at it), so it is left alone.
        let next = try run(["notify", "--sendmail", try sink.sendmail()], config: config)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try log().filter { $0[2] == "sending" }.count == 1)
        // Later: the claim is stale, the message goes again.
        let later = try run(
            ["notify", "--sendmail", try sink.sendmail()], config: config,
            environment: ["SAMVERKAN_MAIL_STALE_SECONDS": "-60"])
        #expect(later.status == 0, "\(later.stderr)")
        let rows = try log()
        #expect(rows.allSatisfy { $0[2] == "sent" })
        let ids = try sink.received().map(\.message_id)
        #expect(ids.count == rows.count + 1)
        #expect(Set(ids).count == rows.count)
    }

    @Test("Two notify runs at once send no message twice")
    func concurrentRuns() throws {
        let sink = try SMTPSink()
        try sink.start()
        defer { sink.stop() }
        let config = try config(sendmail: try sink.sendmail())
        let setup = try run(["schedule", "--structure", "rug"], config: config)
        #expect(setup.status == 0, "\(setup.stderr)")
        let arguments = ["notify", "--config", config, "--database", database]
        let runs = try (0..<2).map { _ in try CLIRunner.start(arguments, environment: ["SAMVERKAN_TODAY": "2025-05-01"]) }
        let results = try runs.map { try $0.wait() }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let rows = try log()
        let ids = try sink.received().map(\.message_id)
        #expect(!rows.isEmpty)
        #expect(ids.count == rows.count)
        #expect(Set(ids).count == ids.count)
        #expect(rows.allSatisfy { $0[2] == "sent" })
    }

    @Test("--dry-run writes .eml files and sends and records nothing")
    func dryRun() throws {
        let outbox = folder.path("outbox")
        let result = try run(["notify", "--dry-run", "--outbox", outbox], config: try config(sendmail: "/nonexistent/sendmail -t"))
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox)
        #expect(files.contains("notice-rug-2025-05-08-socialchef-halmstad.example.eml"), "\(files)")
        #expect(try log().isEmpty)
        let missing = try run(["notify"], config: try config(sendmail: "/nonexistent/sendmail -t"))
        #expect(missing.status == 5)
        #expect(missing.stderr.contains("/nonexistent/sendmail"), "\(missing.stderr)")
    }
}
