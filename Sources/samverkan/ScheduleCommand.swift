import ArgumentParser
import SamverkanDomain
import SamverkanReports
import SamverkanTime

extension Samverkan {
    /// `samverkan schedule`: the meetings of structures in a window, after holidays and breaks.
    struct ScheduleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "List meetings in a period, with holidays and breaks applied.",
            discussion: """
                Every planned meeting whose date lies in the period, with status scheduled, moved or
                skipped and the reason. Default period: today and the following 12 months.

                Examples:
                  samverkan schedule --config Config/halland.yaml --structure rug --from 2025-01-01 --to 2025-12-31
                  samverkan schedule --config Config/jamtland-harjedalen.yaml --format json
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: PeriodOptions

        @Option(name: .customLong("structure"), help: "A structure id (repeat for several; default: all).")
        var structures: [String] = []

        @Option(help: "Output format: table or json.")
        var format: ListingFormat = .table

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let (from, to) = try period.window(today: try global.today())
            let chosen = try structures.isEmpty ? configuration.structures : configuration.structures(withIDs: structures)
            let report = ScheduleReport(configuration: configuration, phrases: try global.phrasebook())
            switch format {
            case .table: print(try report.table(of: chosen, from: from, through: to), terminator: "")
            case .json: print(try report.json(of: chosen, from: from, through: to), terminator: "")
            }
        }
    }
}

/// `--from` and `--to`: dates, parsed by the argument parser, the earlier first.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day (YYYY-MM-DD). Default: today.", valueName: "date"), transform: LocalDate.parse)
    var from: LocalDate?

    @Option(help: ArgumentHelp("Last day, included (YYYY-MM-DD). Default: a year after --from.", valueName: "date"),
            transform: LocalDate.parse)
    var to: LocalDate?

    func validate() throws { try Self.check(from: from, to: to) }

    /// `--from` is not after `--to` (shared with the report commands).
    static func check(from: LocalDate?, to: LocalDate?) throws {
        if let from, let to, from > to {
            throw ValidationError("--from \(from) is after --to \(to); give the earlier date first")
        }
    }

    /// The window, with defaults filled in.
    /// - Throws: ``CLIError`` `period.to-before-start` when only `--to` is given and it is before today.
    func window(today: LocalDate) throws -> (LocalDate, LocalDate) {
        let start = from ?? today
        let end = to ?? LocalDate(year: start.year + 1, month: start.month, day: min(start.day, 28))!.adding(days: -1)
        guard start <= end else { throw CLIError("period.to-before-start", ["to": end.iso, "from": start.iso]) }
        return (start, end)
    }
}
