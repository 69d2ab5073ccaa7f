import ArgumentParser
import SamverkanReports

extension Samverkan {
    /// `samverkan structures`: every structure with kind, members, frequency and next meeting.
    struct StructuresCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "structures",
                abstract: HelpWords.text("structures.abstract"),
                discussion: HelpWords.discussion("structures.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: HelpWords.help("option.format.table-json", value: "format"))
        var format: ListingFormat = .table

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let catalog = StructureCatalog(
                configuration: configuration, phrases: try global.phrasebook(),
                today: try global.today())
            switch format {
            case .table: print(catalog.table(), terminator: "")
            case .json: print(try catalog.json(), terminator: "")
            }
        }
    }
}
