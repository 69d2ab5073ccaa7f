import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanTime

extension Samverkan {
    /// `samverkan holidays`: the Swedish public holidays and days off that schedules avoid.
    struct HolidaysCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "holidays",
                abstract: HelpWords.text("holidays.abstract"),
                discussion: HelpWords.discussion("holidays.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: PeriodOptions

        @Option(help: HelpWords.help("option.format.table-json", value: "format"))
        var format: ListingFormat = .table

        func run() throws {
            let (from, to) = try period.window(today: try global.today())
            let phrases = try global.phrasebook()
            let days = (from.year...to.year).flatMap(SwedishHolidays.holidays(in:)).filter { $0.date >= from && $0.date <= to }
            switch format {
            case .json:
                let rows = days.map {
                    ["date": $0.date.iso, "code": $0.kind.rawValue, "name": phrases.text("holiday.\($0.kind.rawValue)")]
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            case .table:
                for day in days {
                    print(
                        "\(day.date.iso)  \(phrases.text("weekday.\(day.date.weekday.name)").padding(toLength: 8, withPad: " ", startingAt: 0))  \(phrases.text("holiday.\(day.kind.rawValue)"))"
                    )
                }
            }
        }
    }
}
