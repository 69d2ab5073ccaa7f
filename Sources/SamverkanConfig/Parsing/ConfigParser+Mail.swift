import SamverkanDomain
internal import Yams

extension ConfigParser {
    /// Reads `mail:`: the sendmail-compatible command, `from`, `reply-to` and the default days of
    /// `samverkan notify` (`notice-days`, `approval-days`, `minutes-days`).
    func parseMail(_ node: Node) -> MailSettings {
        var settings = MailSettings()
        guard let reader = MappingReader(node, what: "config.what-mail", diagnostics: diagnostics) else { return settings }
        if reader.has("sendmail") {
            if let command = reader.string("sendmail"), !MailSettings.arguments(command).isEmpty {
                settings.sendmail = command
            } else {
                diagnostics.report("config.sendmail", at: reader.value("sendmail"))
            }
        }
        if let from = reader.string("from") {
            if let address = MailSettings.address(from), Self.isValidEmail(address.email) {
                settings.fromName = address.name
                settings.fromAddress = address.email
            } else {
                diagnostics.report(
                    "config.mail-from", ["value": from],
                    at: reader.value("from"))
            }
        }
        if let replyTo = reader.string("reply-to") {
            if Self.isValidEmail(replyTo) {
                settings.replyTo = replyTo
            } else {
                diagnostics.report("config.not-an-email", ["key": "reply-to", "value": replyTo], at: reader.value("reply-to"))
            }
        }
        settings.noticeDays = reader.int("notice-days", in: 0...90) ?? settings.noticeDays
        settings.approvalDays = reader.int("approval-days", in: 1...365) ?? settings.approvalDays
        settings.minutesDays = reader.int("minutes-days", in: 1...365) ?? settings.minutesDays
        reader.finish()
        return settings
    }
}
