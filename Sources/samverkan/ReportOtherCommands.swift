import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports

extension Report {
    /// `samverkan report grants`: what the grant was used for.
    struct Grants: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Meetings held and standing agenda items covered per focus area and per point of § 2 SFS 2024:1253.",
            discussion: """
                For the report to Socialstyrelsen on what the grant for good and close care was used for.

                Examples:
                  samverkan report grants --period 2025
                  samverkan report grants --period 2025 --format csv --output statsbidrag-2025.csv
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: ReportPeriodOptions
        @OptionGroup var output: ReportOutputOptions

        func validate() throws {
            guard output.format != .html else { throw ValidationError("--format html is for `report compliance`; use table, csv, json or md") }
        }

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            let today = try global.today()
            let chosen = try period.resolve(today: today)
            let compliance: ComplianceReport
            do {
                compliance = try ComplianceReport.build(configuration: configuration, structures: configuration.structures, period: chosen,
                                                        today: today, by: .region, history: try global.historyReader(period: chosen, today: today))
            } catch let error as UserError { throw error } catch { throw UserError("\(error)") }
            let report = GrantsReport(configuration: configuration, compliance: compliance)
            try output.write(report, phrases: phrases)
        }
    }

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
