import ArgumentParser
import SamverkanDomain

/// How a command sends mail: `--sendmail CMD` over the configuration's `mail: sendmail`, or
/// `--dry-run` to write `.eml` files instead.
struct MailOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            HelpWords.text("mail.sendmail"),
            valueName: HelpWords.value("command")))
    var sendmail: String?

    @Flag(help: HelpWords.help("mail.dry-run"))
    var dryRun = false

    @Option(help: ArgumentHelp(HelpWords.text("mail.outbox"), valueName: HelpWords.value("folder")))
    var outbox: String?

    /// The delivery for a configuration's mail settings.
    func delivery(_ settings: MailSettings) throws -> MailDelivery {
        let command = sendmail ?? settings.sendmail
        let arguments = MailSettings.arguments(command)
        if arguments.isEmpty { throw CLIError("mail.command-missing", ["command": command]) }
        return MailDelivery(arguments: arguments, dryRunFolder: dryRun ? (outbox ?? "outbox") : nil)
    }
}
