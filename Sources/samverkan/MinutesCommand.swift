import ArgumentParser

/// `samverkan minutes`: record, approve, correct, read and export minutes.
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Record, approve, correct, read and export minutes of collaboration meetings.",
        discussion: HelpText.reflowed(
            """
            Minutes are written in Swedish by default (--lang en for English) in a Markdown draft
            (README.md, "Minutes"), stored in the database (--database), approved with `approve`
            and read-only from then on.
            """),
        subcommands: [
            New.self, Template.self, Approve.self, Pending.self, Amend.self, Verify.self, Cancel.self,
            List.self, Show.self, Search.self, Export.self, Import.self,
        ]
    )
}
