import ArgumentParser
import SamverkanConfig
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanTime

extension Samverkan {
    /// `samverkan validate`: checks a configuration and reports every problem at once.
    struct ValidateCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "validate",
                abstract: HelpWords.text("validate.abstract"),
                discussion: HelpWords.discussion("validate.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (path, configuration) = try global.loadConfiguration()
            let phrases = try global.phrasebook()
            // The next 12 months as `schedule` expands them: a rule it stops on is an error
            // here too, before the configuration is called valid.
            let clashes = try clashLines(configuration, phrases: phrases)
            print(
                phrases.text(
                    "summary.valid",
                    [
                        "file": path,
                        "organisations": String(configuration.organisations.count),
                        "people": String(configuration.people.count),
                        "structures": String(configuration.structures.count),
                        "generated": String(configuration.structures.filter(\.generated).count),
                    ]))
            guard !clashes.isEmpty else { return }
            global.warn(phrases.text("validate.clashes"))
            for line in clashes { global.warn("  " + line) }
        }

        /// Meetings at the same time for the same member organisation or person in the next 12
        /// months: a warning line per party for standard error (the configuration is still valid).
        /// - Throws: ``ScheduleError`` when a structure cannot be scheduled in those months.
        func clashLines(_ configuration: RegionConfiguration, phrases: Phrasebook) throws -> [String] {
            let from = try global.today()
            let through = from.adding(days: 365)
            let scheduler = Scheduler()
            var meetings: [RegisteredMeeting] = []
            for structure in configuration.structures {
                let occurrences = try scheduler.occurrences(of: structure, from: from, through: through)
                meetings +=
                    MeetingRegister.derive(
                        structure, occurrences: occurrences, decisions: [],
                        configuration: configuration
                    ).meetings
            }
            return ClashReport(configuration: configuration, phrases: phrases)
                .summary(MeetingClash.find(in: meetings, configuration: configuration))
        }
    }
}
