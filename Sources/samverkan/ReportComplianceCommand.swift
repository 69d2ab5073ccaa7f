import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanTemplates

extension ReportCommand {
    /// `samverkan report compliance`: were the meetings held as decided?
    struct Compliance: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("report.compliance.abstract"),
                discussion: HelpWords.discussion("report.compliance.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: ReportPeriodOptions
        @Option(help: HelpWords.help("report.compliance.by", value: "grouping"))
        var by: ComplianceDimension = .municipality
        @Option(help: ArgumentHelp(HelpWords.text("report.compliance.municipality"), valueName: HelpWords.value("id")))
        var municipality: String?
        @Option(help: HelpWords.help("report.compliance.format", value: "format"))
        var format: ComplianceFormat = .table
        @OptionGroup var output: ReportOutputOptions
        @Option(
            name: .customLong("fail-under"),
            help: ArgumentHelp(
                HelpWords.text("report.compliance.fail-under"), valueName: HelpWords.value("percent")))
        var failUnder: Double?

        func validate() throws {
            if let failUnder, !(0...100).contains(failUnder) {
                throw ValidationError.localized("usage.fail-under", ["value": String(format: "%g", failUnder)])
            }
        }

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            let today = try global.today()
            let chosen = try period.resolve(today: today)
            var structures = configuration.structures
            if let municipality {
                guard configuration.municipalities.contains(where: { $0.id == municipality }) else {
                    throw CLIError(
                        "report.unknown-municipality",
                        [
                            "id": municipality,
                            "known": configuration.municipalities.map(\.id).joined(separator: ", "),
                        ])
                }
                structures = structures.filter { $0.municipality == municipality }
            }
            let history = try await global.historyReader(configuration: configuration, period: chosen, today: today)
            let report = try await ComplianceReport.build(
                configuration: configuration, structures: structures, period: chosen,
                today: today, by: by, history: history)
            let numbers = output.numbers(language: global.language)
            let text: String
            switch format {
            case .table: text = report.table(phrases: phrases, numbers: numbers)
            case .csv: text = report.csv(phrases: phrases, numbers: numbers)
            case .json: text = try report.json()
            case .md: text = MarkdownEscaping.escapedHTML(report.markdown(phrases: phrases, numbers: numbers))
            case .html:
                let template = try TemplateLibrary(language: global.language).source("compliance.html")
                text = try report.html(template: template, phrases: phrases, numbers: numbers)
            }
            try output.write(text, phrases: phrases)
            if let failUnder, let compliance = report.total.compliance, compliance * 100 < failUnder {
                FileHandle.standardError.write(
                    Data(
                        (phrases.text(
                            "report.fail-under",
                            [
                                "value": numbers.percent(compliance), "limit": numbers.decimal(failUnder, places: 1),
                            ]) + "\n").utf8))
                throw ExitCode(3)
            }
        }
    }
}
