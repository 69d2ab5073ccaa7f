import SamverkanStore
import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports
import SamverkanTime

extension ReportCommand {
    /// `samverkan report actions`: the action plan and how far each activity has come.
    struct ActionPlan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "actions",
            abstract: "Action-plan activities with responsible, time plan and latest follow-up status.",
            discussion: """
                The status is the one set at the latest meeting that followed the activity up, else the configured one.
                An activity not done after its time plan is marked late. (Action items from the minutes: `samverkan actions`.)

                Examples:
                  samverkan report actions
                  samverkan report actions --structure fredagsgruppen --format md
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only the activities of these structures (repeat).", valueName: "id")) var structure: [String] = []
        @Option(help: ArgumentHelp("The day the status is judged at (YYYY-MM-DD). Default: today.", valueName: "date")) var asOf: String?
        @OptionGroup var output: ReportOutputOptions

        func validate() throws {
            guard output.format != .html else { throw ValidationError("--format html is for `report compliance`; use table, csv, json or md") }
            if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, not \"\(asOf)\"") }
        }

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            let day = try asOf.flatMap { LocalDate(iso: $0) } ?? global.today()
            let structures: [CollaborationStructure]
            do { structures = structure.isEmpty ? configuration.structures : try configuration.structures(withIDs: structure) } catch {
                throw UserError(error.description)
            }
            var followUps: [ActivityRecord] = []
            if FileManager.default.fileExists(atPath: global.databasePath) {
                do { followUps = try global.openDatabase().activityFollowUps(through: day) } catch let error as UserError { throw error } catch {
                    throw UserError("the database \(global.databasePath) could not be read: \(error)")
                }
            }
            let report = ActionPlanReport(configuration: configuration, structures: structures, followUps: followUps, asOf: day)
            try output.write(report, phrases: phrases)
        }
    }
}
