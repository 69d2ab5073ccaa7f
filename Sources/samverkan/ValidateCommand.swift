import SamverkanRendering
import SamverkanDomain
import ArgumentParser
import SamverkanConfig

extension Samverkan {
    /// `samverkan validate`: checks a configuration and reports every problem at once.
    struct ValidateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a configuration and report every problem at once.",
            discussion: """
                Prints a one-line summary and exits 0 when the configuration is valid. Otherwise
                prints each problem as FILE:LINE:COLUMN: message and exits 1.

                Example: samverkan validate --config Config/halland.yaml
                """
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (path, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            print(phrases.text("summary.valid", [
                "file": path,
                "organisations": String(configuration.organisations.count),
                "people": String(configuration.people.count),
                "structures": String(configuration.structures.count),
                "generated": String(configuration.structures.filter(\.generated).count),
            ]))
        }
    }
}
