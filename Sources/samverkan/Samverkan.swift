import ArgumentParser
import Foundation

/// The `samverkan` command: collaboration meetings between region and municipalities.
@main
struct Samverkan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samverkan",
        abstract: "Plan, record and follow up collaboration meetings in Nära vård.",
        discussion:
            "Reads a region's configuration (YAML) of organisations, people and collaboration structures. Start with `samverkan validate --config Config/halland.yaml`. Exit codes: README.md, \"Exit codes\".",
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, StructuresCommand.self, ScheduleCommand.self, MeetingCommand.self, CalendarCommand.self,
            HolidaysCommand.self, MinutesCommand.self, ActionsCommand.self, ReportCommand.self, NotifyCommand.self, FeedsCommand.self,
            ServeCommand.self, DbCommand.self,
        ]
    )

    /// Runs the command; every error goes through ``ErrorReporter`` (message and exit status).
    static func main() async {
        await ErrorReporter.main(arguments: Array(CommandLine.arguments.dropFirst()))
    }
}
