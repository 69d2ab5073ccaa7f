import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports
import SamverkanStore
import SamverkanRendering
import SamverkanTime

/// `samverkan report`: the follow-up reports.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Follow-up reports: were meetings held as decided, what the grant was used for, the action plan.",
        subcommands: [Compliance.self, Grants.self, ActionPlan.self])
}

/// The formats of the follow-up reports.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, md, html
}

/// `--period`, `--from`, `--to`, checked.
struct ReportPeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A year, half-year, quarter or month: 2025, 2025-H1, 2025-Q2, 2025-03. Default: this year.", valueName: "period"))
    var period: String?

    @Option(help: ArgumentHelp("First day (YYYY-MM-DD), instead of --period.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day, included (YYYY-MM-DD). Default with --from: today.", valueName: "date"))
    var to: String?

    func validate() throws {
        if let period {
            guard from == nil, to == nil else { throw ValidationError("give either --period or --from/--to, not both") }
            guard ReportPeriod(parsing: period) != nil else {
                throw ValidationError("--period must be a year (2025), half-year (2025-H1), quarter (2025-Q2) or month (2025-03), not \"\(period)\"")
            }
        }
        try PeriodOptions.check(from: from, to: to)
        if to != nil, from == nil { throw ValidationError("--to needs --from (or use --period)") }
    }

    /// The period, with defaults filled in.
    func resolve(today: LocalDate) throws -> ReportPeriod {
        if let period, let parsed = ReportPeriod(parsing: period) { return parsed }
        if let from = from.flatMap({ LocalDate(iso: $0) }) {
            let end = to.flatMap { LocalDate(iso: $0) } ?? today
            guard let range = ReportPeriod(from: from, to: end) else {
                throw UserError("--from \(from) is after today (\(today)); give --to as well")
            }
            return range
        }
        return ReportPeriod(parsing: String(today.year))!
    }
}

/// What every follow-up report writes: the format, where, and how numbers look.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv (Excel), json, md (Markdown) or html (compliance only).")
    var format: ReportFormat = .table

    @Option(help: ArgumentHelp("Write to a file instead of standard output (replaced in one step).", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Decimal mark in table, csv, md and html: comma or point. Default: comma in Swedish, point in English.",
                               valueName: "mark"))
    var decimal: DecimalMark?

    enum DecimalMark: String, ExpressibleByArgument, CaseIterable { case comma, point }

    /// The number style for a language.
    func numbers(language: String) -> FigureFormatter {
        FigureFormatter(decimalComma: (decimal ?? (language == "sv" ? .comma : .point)) == .comma)
    }

    /// Writes a follow-up report in the chosen format (html is refused in `validate()`).
    func write(_ report: some FollowUpDocument, phrases: Phrasebook) throws {
        switch format {
        case .table, .html: try write(report.table(phrases: phrases), phrases: phrases)
        case .csv: try write(report.csv(phrases: phrases), phrases: phrases)
        case .json: try write(try report.json(), phrases: phrases)
        case .md: try write(report.markdown(phrases: phrases), phrases: phrases)
        }
    }

    /// Writes the text to `--output` atomically, or to standard output.
    func write(_ text: String, phrases: Phrasebook) throws {
        guard let output else { print(text, terminator: ""); return }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw UserError("cannot create the folder \(folder) for --output: \(error.localizedDescription)")
        }
        try AtomicFile.write(text, to: output)
        FileHandle.standardError.write(Data((phrases.text("report.written", ["path": output]) + "\n").utf8))
    }
}

extension GlobalOptions {
    /// Reads the stored history of a period when called (on another thread, see
    /// `ComplianceReport.build`); an empty history, with a note, when there is no database yet.
    func historyReader(period: ReportPeriod, today: LocalDate) throws -> @Sendable () throws -> MeetingHistory {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            FileHandle.standardError.write(Data("Note: there is no minutes database at \(databasePath) yet; every due meeting counts as missed. Give --database to use another.\n".utf8))
            return { MeetingHistory() }
        }
        let database = try openDatabase(), path = databasePath
        return {
            do { return try database.history(from: period.from, through: period.to, asOf: min(period.to, today)) } catch {
                throw UserError("the database \(path) could not be read: \(error)")
            }
        }
    }
}
