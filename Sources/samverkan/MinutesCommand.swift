import ArgumentParser

/// `samverkan minutes`: record, approve, correct, read and export minutes.
struct MinutesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "minutes",
            abstract: HelpWords.text("minutes.abstract"),
            discussion: HelpWords.discussion("minutes.discussion"),
            subcommands: [
                New.self, Template.self, Approve.self, Pending.self, Amend.self, Verify.self, Cancel.self,
                List.self, Show.self, Search.self, Export.self, Import.self,
            ]
        )
    }
}
