import ArgumentParser
import SamverkanDomain

/// How a command sends mail: `--sendmail CMD` over the configuration's `mail: sendmail`, or
/// `--dry-run` to write `.eml` files instead.
struct MailOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The sendmail-compatible command that sends (default: the configuration's mail: sendmail, else /usr/sbin/sendmail -t -i).",
            valueName: "command"))
    var sendmail: String?

    @Flag(help: "Send nothing: write the messages as .eml files in --outbox (or ./outbox) instead.")
    var dryRun = false

    @Option(help: ArgumentHelp("With --dry-run: the folder for the .eml files (default: outbox).", valueName: "folder"))
    var outbox: String?

    /// The delivery for a configuration's mail settings.
    func delivery(_ settings: MailSettings) throws -> MailDelivery {
        let command = sendmail ?? settings.sendmail
        let arguments = MailSettings.arguments(command)
        if arguments.isEmpty { throw CLIError("mail.command-missing", ["command": command]) }
        return MailDelivery(arguments: arguments, dryRunFolder: dryRun ? (outbox ?? "outbox") : nil)
    }
}
