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

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: PeriodOptions

        @Option(name: .customLong("structure"), help: "A structure id (repeat for several; default: all).")
        var structures: [String] = []

        @Option(help: "Output format: table or json.")
        var format: Format = .table

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

/// `--from` and `--to`, checked.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day (YYYY-MM-DD). Default: today.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day, included (YYYY-MM-DD). Default: a year after --from.", valueName: "date"))
    var to: String?

    func validate() throws { try Self.check(from: from, to: to) }

    /// `--from` and `--to` are dates, the earlier first (shared with the report commands).
    static func check(from: String?, to: String?) throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, LocalDate(iso: value) == nil {
                throw ValidationError("\(name) must be a date written YYYY-MM-DD, not \"\(value)\"")
            }
        }
        if let from = from.flatMap({ LocalDate(iso: $0) }), let to = to.flatMap({ LocalDate(iso: $0) }), from > to {
            throw ValidationError("--from \(from) is after --to \(to); give the earlier date first")
        }
    }

    /// The window, with defaults filled in.
    func window(today: LocalDate) throws -> (LocalDate, LocalDate) {
        let start = from.flatMap { LocalDate(iso: $0) } ?? today
        let end = to.flatMap { LocalDate(iso: $0) } ?? LocalDate(year: start.year + 1, month: start.month, day: min(start.day, 28))!.adding(days: -1)
        guard start <= end else { throw ValidationError("--to \(end) is before the start \(start); give a later --to") }
        return (start, end)
    }
}
