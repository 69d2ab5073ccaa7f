import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports
import SamverkanStore
import SamverkanTime

extension ReportCommand {
    /// `samverkan report actions`: the action plan and how far each activity has come.
    struct ActionPlan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "actions",
            abstract: "Action-plan activities with responsible, time plan and latest follow-up status.",
            discussion: HelpText.reflowed(
                """
                The status is the one set at the latest meeting that followed the activity up, else the configured one.
                An activity not done after its time plan is marked late. (Action items from the minutes: `samverkan actions`.)

                Examples:
                  samverkan report actions
                  samverkan report actions --structure fredagsgruppen --format md
                """))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only the activities of these structures (repeat).", valueName: "id")) var structure: [String] = []
        @Option(
            help: ArgumentHelp("The day the status is judged at (YYYY-MM-DD). Default: today.", valueName: "date"),
            transform: LocalDate.parse)
        var asOf: LocalDate?
        @Option(help: "Output format: table, csv (Excel), json or md (Markdown).")
        var format: FollowUpFormat = .table
        @OptionGroup var output: ReportOutputOptions

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            let day = try asOf ?? global.today()
            let structures = structure.isEmpty ? configuration.structures : try configuration.structures(withIDs: structure)
            var followUps: [ActivityRecord] = []
            var pending: [String] = []
            if let database = try global.existingDatabase() {
                followUps = try global.store { try database.activityFollowUps(through: day) }
                pending = try global.store { try database.pendingCorrectionStructures(through: day) }
            }
            var report = ActionPlanReport(configuration: configuration, structures: structures, followUps: followUps, asOf: day)
            let chosen = Set(structures.map(\.id))
            report.pendingCorrections = pending.count { chosen.contains($0) }
            try output.write(report, format: format, phrases: phrases)
        }
    }
}
