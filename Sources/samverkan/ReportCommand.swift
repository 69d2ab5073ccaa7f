import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanStore
import SamverkanTime

/// `samverkan report`: the follow-up reports.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: HelpWords.text("report.abstract"),
            subcommands: [Compliance.self, Grants.self, ActionPlan.self])
    }
}

/// `--period`, `--from`, `--to`: typed, parsed by the argument parser.
struct ReportPeriodOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            HelpWords.text("report.period.period"), valueName: HelpWords.value("period")),
        transform: ReportPeriod.parse)
    var period: ReportPeriod?

    @Option(help: ArgumentHelp(HelpWords.text("report.period.from"), valueName: HelpWords.value("date")), transform: LocalDate.parse)
    var from: LocalDate?

    @Option(
        help: ArgumentHelp(HelpWords.text("report.period.to"), valueName: HelpWords.value("date")), transform: LocalDate.parse)
    var to: LocalDate?

    func validate() throws {
        if period != nil, from != nil || to != nil { throw ValidationError.localized("usage.period-and-range") }
        try PeriodOptions.check(from: from, to: to)
        if to != nil, from == nil { throw ValidationError.localized("usage.to-without-from") }
    }

    /// The period, with defaults filled in.
    /// - Throws: ``CLIError`` `period.from-after-today` when `--from` alone is after today.
    func resolve(today: LocalDate) throws -> ReportPeriod {
        if let period { return period }
        if let from {
            guard let range = ReportPeriod(from: from, to: to ?? today) else {
                throw CLIError("period.from-after-today", ["from": from.iso, "today": today.iso])
            }
            return range
        }
        return ReportPeriod(parsing: String(today.year))!
    }
}

/// Where a follow-up report goes and how its numbers look (each command has its own `--format`).
struct ReportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(HelpWords.text("report.output.output"), valueName: HelpWords.value("path")))
    var output: String?

    @Option(
        help: ArgumentHelp(
            HelpWords.text("report.output.decimal"),
            valueName: HelpWords.value("mark")))
    var decimal: DecimalMark?

    enum DecimalMark: String, ExpressibleByArgument, CaseIterable { case comma, point }

    /// The number style for a language.
    func numbers(language: String) -> FigureFormatter {
        FigureFormatter(decimalComma: (decimal ?? (language == "sv" ? .comma : .point)) == .comma)
    }

    /// Writes a follow-up report in a format.
    func write(_ report: some FollowUpDocument, format: FollowUpFormat, phrases: Phrasebook) throws {
        switch format {
        case .table: try write(report.table(phrases: phrases), phrases: phrases)
        case .csv: try write(report.csv(phrases: phrases), phrases: phrases)
        case .json: try write(try report.json(), phrases: phrases)
        case .md: try write(MarkdownEscaping.escapedHTML(report.markdown(phrases: phrases)), phrases: phrases)
        }
    }

    /// Writes the text to `--output` atomically, or to standard output.
    func write(_ text: String, phrases: Phrasebook) throws {
        guard let output else {
            print(text, terminator: "")
            return
        }
        try AtomicFile.createFolder(URL(fileURLWithPath: output).deletingLastPathComponent().path)
        try AtomicFile.write(text, to: output)
        TerminalOutput.writeError((phrases.text("report.written", ["path": output]) + "\n"))
    }
}

extension GlobalOptions {
    /// Reads the stored history of a period when called (see `ComplianceReport.build`), with the
    /// period's planned meetings from the meeting register, which is brought up to date with the
    /// configuration first (deriving only what changed) so the report expands no schedule; an
    /// empty history, with a note, when there is no database yet (the report then expands the
    /// schedules).
    func historyReader(
        configuration: RegionConfiguration, period: ReportPeriod,
        today: LocalDate
    ) async throws -> @Sendable () async throws -> MeetingHistory {
        guard let database = try await existingDatabase() else {
            TerminalOutput.writeError(try phrasebook().text("report.no-database", ["path": databasePath]) + "\n")
            return { MeetingHistory() }
        }
        let options = self
        try await refreshRegister(
            database, configuration, phrases: try phrasebook(),
            through: registerHorizon(today: today, atLeast: period.to))
        return {
            try await options.store {
                try await database.history(from: period.from, through: period.to, asOf: min(period.to, today), register: configuration)
            }
        }
    }
}
