import ArgumentParser
import SamverkanReports

extension Samverkan {
    /// `samverkan structures`: every structure with kind, members, frequency and next meeting.
    struct StructuresCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "structures",
            abstract: "List every collaboration structure, generated ones included.",
            discussion: HelpText.reflowed(
                """
                Shows kind, frequency in words, next meeting and members. --format json prints the
                stable document described in README.md ("The structures JSON").

                Examples:
                  samverkan structures --config Config/halland.yaml
                  samverkan structures --config Config/halland.yaml --format json --lang en
                """)
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "Output format: table or json.")
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
