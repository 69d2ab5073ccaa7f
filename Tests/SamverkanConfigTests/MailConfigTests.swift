import SamverkanConfig
import SamverkanDomain
import Testing

/// `mail:` in the configuration and the per-structure `notice-days` / `approval-days`.
@Suite("mail configuration")
struct MailConfigTests {
    static let structure = """
          - id: grupp
            kind: custom
            members: [alfa]
            frequency: {type: monthly, week: 2, weekday: tuesday}
            notice-days: 10
            approval-days: 21

        """

    @Test("mail: is read; defaults hold when it is left out; a structure's notice-days and approval-days are its own")
    func readsMail() throws {
        let yaml =
            Fixture.withStructure(Self.structure) + """
                mail:
                  sendmail: "msmtp --account=region -t -i"
                  from: "Region Test, Samverkan <samverkan@region.example>"
                  reply-to: svar@region.example
                  notice-days: 5
                  approval-days: 10
                  minutes-days: 3
                """
        let configuration = try ConfigLoader.parse(text: yaml, file: "test.yaml")
        #expect(
            configuration.mail
                == MailSettings(
                    sendmail: "msmtp --account=region -t -i", fromName: "Region Test, Samverkan",
                    fromAddress: "samverkan@region.example", replyTo: "svar@region.example",
                    noticeDays: 5, approvalDays: 10, minutesDays: 3))
        #expect(configuration.structure("grupp")?.noticeDays == 10)
        #expect(configuration.structure("grupp")?.approvalDays == 21)
        let plain = try ConfigLoader.parse(text: Fixture.withStructure(""), file: "test.yaml")
        #expect(plain.mail == MailSettings())
        #expect(plain.mail.sendmail == "/usr/sbin/sendmail -t -i")
    }

    @Test("Wrong mail settings are reported where they are written")
    func refusesWrongSettings() {
        let problems = Fixture.problems(
            Fixture.withStructure("") + """
                mail:
                  sendmail: "   "
                  from: "Region Test"
                  reply-to: nobody
                  notice-days: 400
                  sendmial: x
                """)
        let text = problems.map(\.message).joined(separator: "\n")
        #expect(text.contains("`sendmail` must name a command"), "\(text)")
        #expect(text.contains("`from` must be an address"))
        #expect(text.contains("`reply-to` \"nobody\" is not an e-mail address"))
        #expect(text.contains("notice-days"))
        #expect(text.contains("unknown key `sendmial`"))
    }

    @Test("A command line is split into words without a shell; addresses with a name are split")
    func splitsCommands() {
        #expect(MailSettings.arguments("/usr/sbin/sendmail -t -i") == ["/usr/sbin/sendmail", "-t", "-i"])
        #expect(
            MailSettings.arguments(#"msmtp -C "/etc/msmtp rc" -t 'a b' c\ d ''"#) == [
                "msmtp", "-C", "/etc/msmtp rc", "-t", "a b", "c d", "",
            ])
        #expect(MailSettings.arguments("msmtp -t; rm -rf /") == ["msmtp", "-t;", "rm", "-rf", "/"])
        #expect(MailSettings.address("\"Region, Samverkan\" <a@b.se>")! == ("Region, Samverkan", "a@b.se"))
        #expect(MailSettings.address("a@b.se")! == (nil, "a@b.se"))
        #expect(MailSettings.address("Region") == nil)
    }
}
