import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports
import SamverkanStore
import SamverkanTime

extension ReportCommand {
    /// `samverkan report actions`: the action plan and how far each activity has come.
    struct ActionPlan: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "actions",
                abstract: HelpWords.text("report.action-plan.abstract"),
                discussion: HelpWords.discussion("report.action-plan.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpWords.text("report.action-plan.structure"), valueName: HelpWords.value("id"))) var structure:
            [String] = []
        @Option(
            help: ArgumentHelp(HelpWords.text("report.action-plan.as-of"), valueName: HelpWords.value("date")),
            transform: LocalDate.parse)
        var asOf: LocalDate?
        @Option(help: HelpWords.help("option.format.report", value: "format"))
        var format: FollowUpFormat = .table
        @OptionGroup var output: ReportOutputOptions

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            let day = try asOf ?? global.today()
            let structures = structure.isEmpty ? configuration.structures : try configuration.structures(withIDs: structure)
            var followUps: [ActivityRecord] = []
            var pending: [String] = []
            if let database = try await global.existingDatabase() {
                followUps = try await global.store { try await database.activityFollowUps(through: day) }
                pending = try await global.store { try await database.pendingCorrectionStructures(through: day) }
            }
            var report = ActionPlanReport(configuration: configuration, structures: structures, followUps: followUps, asOf: day)
            let chosen = Set(structures.map(\.id))
            report.pendingCorrections = pending.count { chosen.contains($0) }
            try output.write(report, format: format, phrases: phrases)
        }
    }
}
