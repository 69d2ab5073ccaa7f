import ArgumentParser
import Foundation

/// The `samverkan` command: collaboration meetings between region and municipalities.
@main
struct Samverkan: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "samverkan",
            abstract: HelpWords.text("samverkan.abstract"),
            discussion: HelpWords.discussion("samverkan.discussion"),
            version: "0.1.0",
            subcommands: [
                ValidateCommand.self, StructuresCommand.self, ScheduleCommand.self, MeetingCommand.self, CalendarCommand.self,
                HolidaysCommand.self, MinutesCommand.self, ActionsCommand.self, ReportCommand.self, NotifyCommand.self, FeedsCommand.self,
                ServeCommand.self, DbCommand.self,
            ]
        )
    }

    /// Runs the command; every error goes through ``ErrorReporter`` (message and exit status).
    static func main() async {
        await ErrorReporter.main(arguments: Array(CommandLine.arguments.dropFirst()))
    }
}
