import Foundation
import SamverkanStore
import SamverkanTestSupport
import Testing

/// `samverkan notify`'s reminders through Debian's real `msmtp` to a real SMTP server on
/// loopback: overdue action items to their responsible, and minutes waiting for justering
/// longer than `approval-days` to the signatories still missing. Each once.
@Suite("reminder mail end to end", .serialized)
struct ReminderMailEndToEndTests {
    let mail: MailEndToEndTests

    init() throws { mail = try MailEndToEndTests() }

    /// RUG minutes of 2025-04-10 naming Socialchef Varberg as justerare, with an action item for
    /// Socialchef Halmstad due 2025-04-30; the chair signed on 2025-04-11.
    func recordMinutes(config: String) throws {
        let template = try mail.run(
            ["minutes", "template", "--structure", "rug", "--date", "2025-04-10"], config: config, today: "2025-04-11")
        #expect(template.status == 0, "\(template.stderr)")
        let draft =
            template.stdout
            .replacingOccurrences(of: #"(?m)^Justerare:.*$"#, with: "Justerare: Socialchef Varberg", options: .regularExpression)
            .replacingOccurrences(of: "- [ ] Socialchef Halmstad", with: "- [x] Socialchef Halmstad")
            + "- Sprida rutinen till vårdcentralerna | ansvarig: socialchef-halmstad | klart: 2025-04-30\n"
        let path = try mail.folder.write(draft, to: "rug-2025-04-10.md")
        let saved = try mail.run(["minutes", "new", "--structure", "rug", "--file", path], config: config, today: "2025-04-11")
        #expect(saved.status == 0, "\(saved.stderr)")
        let signed = try mail.run(["minutes", "approve", "1", "--by", "bitr-hs-direktor"], config: config, today: "2025-04-11")
        #expect(signed.status == 0, "\(signed.stderr)")
    }

    func reminders(_ sink: SMTPSink) throws -> [SMTPSink.Received] {
        try sink.received().filter { $0.subject.hasPrefix("Påminnelse: justera") || $0.subject.hasPrefix("Påminnelse: 1 försenade") }
    }

    @Test("The missing signatory and the responsible of an overdue item each get one reminder through msmtp; later runs send nothing new")
    func reminded() throws {
        let sink = try SMTPSink()
        try sink.start()
        defer { sink.stop() }
        let config = try mail.config(sendmail: try sink.sendmail())
        try recordMinutes(config: config)
        // 2025-04-24: 14 days since the meeting, within the limit; the item is not overdue yet.
        #expect(try mail.run(["notify"], config: config, today: "2025-04-24").status == 0)
        #expect(try reminders(sink).isEmpty)

        let first = try mail.run(["notify"], config: config, today: "2025-05-01")
        #expect(first.status == 0, "\(first.stderr)")
        let received = try reminders(sink)
        #expect(received.count == 2, "\(received.map(\.subject))")
        let approval = try #require(received.first { $0.subject.hasPrefix("Påminnelse: justera") })
        #expect(approval.rcpt == ["socialchef@varberg.example"])
        #expect(
            approval.subject == "Påminnelse: justera minnesanteckningarna Regional utvecklingsgrupp för god och nära vård (RUG) 2025-04-10")
        #expect(approval.text.contains("Hej Socialchef Varberg!"), "\(approval.text)")
        #expect(approval.text.contains("(#1), 21 dagar sedan mötet. Justera med: samverkan minutes approve 1 --by socialchef-varberg"))
        #expect(approval.defects.isEmpty)
        let overdue = try #require(received.first { $0.subject == "Påminnelse: 1 försenade åtgärder" })
        #expect(overdue.rcpt == ["socialchef@halmstad.example"])
        #expect(overdue.from == ["Region Halland, Samverkan för närvård <samverkan@regionhalland.example>"])
        #expect(overdue.text.contains("Sprida rutinen till vårdcentralerna"), "\(overdue.text)")
        #expect(overdue.text.contains("senast 2025-04-30, ej påbörjad"))
        // The chair, who signed, gets nothing.
        #expect(
            !(try sink.received().contains {
                $0.rcpt == ["bitr.hs-direktor@regionhalland.example"] && $0.subject.hasPrefix("Påminnelse: justera")
            }))
        let log = try AppDatabase.open(path: try TestDatabase.sqliteFile(of: mail.database)).unsafeRawRead(
            "SELECT kind, recipient, item, status FROM mail_log WHERE kind IN ('approval', 'overdue') ORDER BY id")
        #expect(
            log == [
                ["overdue", "socialchef@halmstad.example", "#1", "sent"],
                ["approval", "socialchef@varberg.example", "#1/1", "sent"],
            ])

        // The same day again, and the next day: nothing new.
        let second = try mail.run(["notify"], config: config, today: "2025-05-01")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("0 skickade"), "\(second.stdout)")
        #expect(try mail.run(["notify"], config: config, today: "2025-05-02").status == 0)
        #expect(try reminders(sink).count == 2)
        // Once Socialchef Varberg signs, the minutes are approved and nobody is reminded of them.
        #expect(try mail.run(["minutes", "approve", "1", "--by", "socialchef-varberg"], config: config, today: "2025-05-02").status == 0)
        #expect(try mail.run(["notify"], config: config, today: "2025-05-12").status == 0)
        #expect(try sink.received().filter { $0.subject.hasPrefix("Påminnelse: justera") }.count == 1)
    }
}
