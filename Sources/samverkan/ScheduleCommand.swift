import ArgumentParser
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanStore
import SamverkanTime

extension Samverkan {
    /// `samverkan schedule`: the meetings of the meeting register in a window.
    struct ScheduleCommand: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "schedule",
                abstract: HelpWords.text("schedule.abstract"),
                discussion: HelpWords.discussion("schedule.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: PeriodOptions

        @Option(name: .customLong("structure"), help: HelpWords.help("schedule.structures", value: "structure"))
        var structures: [String] = []

        @Option(help: HelpWords.help("option.format.table-json", value: "format"))
        var format: ListingFormat = .table

        @Flag(help: HelpWords.help("schedule.clashes"))
        var clashes = false

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            let today = try global.today()
            let (from, to) = try period.window(today: today)
            let chosen = try structures.isEmpty ? configuration.structures : configuration.structures(withIDs: structures)
            let database = try await global.openDatabase()
            try await global.refreshRegister(
                database, configuration, phrases: phrases,
                through: global.registerHorizon(today: today, atLeast: to))
            let meetings = try await global.store {
                try await database.registeredMeetings(structureIDs: structures.isEmpty ? nil : chosen.map(\.id), from: from, through: to)
            }.filter { $0.plannedDate >= from && $0.plannedDate <= to }
            if clashes {
                // A clash involves other structures too: look at all of them in the window.
                let all = try await global.store { try await database.registeredMeetings(from: from, through: to) }
                let ids = Set(chosen.map(\.id))
                let found = MeetingClash.find(in: all, configuration: configuration)
                    .filter { clash in clash.meetings.contains { ids.contains($0.structureID) } }
                if found.isEmpty {
                    print(phrases.text("clash.none"))
                } else {
                    print(ClashReport(configuration: configuration, phrases: phrases).table(found), terminator: "")
                }
                return
            }
            let report = ScheduleReport(configuration: configuration, phrases: phrases)
            switch format {
            case .table: print(report.table(of: meetings), terminator: "")
            case .json: print(try report.json(of: meetings, from: from, through: to), terminator: "")
            }
        }
    }
}

/// `--from` and `--to`: dates, parsed by the argument parser, the earlier first.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp(HelpWords.text("period.from"), valueName: HelpWords.value("date")), transform: LocalDate.parse)
    var from: LocalDate?

    @Option(
        help: ArgumentHelp(HelpWords.text("period.to"), valueName: HelpWords.value("date")),
        transform: LocalDate.parse)
    var to: LocalDate?

    func validate() throws { try Self.check(from: from, to: to) }

    /// `--from` is not after `--to` (shared with the report commands).
    static func check(from: LocalDate?, to: LocalDate?) throws {
        if let from, let to, from > to {
            throw ValidationError.localized("usage.from-after-to", ["from": from.iso, "to": to.iso])
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
