import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports

extension ReportCommand {
    /// `samverkan report grants`: what the grant was used for.
    struct Grants: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("report.grants.abstract"),
                discussion: HelpWords.discussion("report.grants.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: ReportPeriodOptions
        @Option(help: HelpWords.help("option.format.report", value: "format"))
        var format: FollowUpFormat = .table
        @OptionGroup var output: ReportOutputOptions

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            let today = try global.today()
            let chosen = try period.resolve(today: today)
            let compliance = try await ComplianceReport.build(
                configuration: configuration, structures: configuration.structures, period: chosen,
                today: today, by: .region,
                history: try await global.historyReader(configuration: configuration, period: chosen, today: today))
            let report = GrantsReport(configuration: configuration, compliance: compliance)
            try output.write(report, format: format, phrases: phrases)
        }
    }
}
