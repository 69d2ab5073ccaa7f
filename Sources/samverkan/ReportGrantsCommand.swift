import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports

extension ReportCommand {
    /// `samverkan report grants`: what the grant was used for.
    struct Grants: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Meetings held and standing agenda items covered per focus area and per point of § 2 SFS 2024:1253.",
            discussion: HelpText.reflowed(
                """
                For the report to Socialstyrelsen on what the grant for good and close care was used for.

                Examples:
                  samverkan report grants --period 2025
                  samverkan report grants --period 2025 --format csv --output statsbidrag-2025.csv
                """))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: ReportPeriodOptions
        @Option(help: "Output format: table, csv (Excel), json or md (Markdown).")
        var format: FollowUpFormat = .table
        @OptionGroup var output: ReportOutputOptions

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            let today = try global.today()
            let chosen = try period.resolve(today: today)
            let compliance = try await ComplianceReport.build(
                configuration: configuration, structures: configuration.structures, period: chosen,
                today: today, by: .region, history: try global.historyReader(configuration: configuration, period: chosen, today: today))
            let report = GrantsReport(configuration: configuration, compliance: compliance)
            try output.write(report, format: format, phrases: phrases)
        }
    }
}
