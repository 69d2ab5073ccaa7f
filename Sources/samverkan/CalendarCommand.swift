import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports
import SamverkanServer

extension Samverkan {
    /// `samverkan calendar`: calendars to import or subscribe to, and invitations.
    struct CalendarCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "calendar",
                abstract: HelpWords.text("calendar.abstract"),
                subcommands: [Export.self, Invite.self]
            )
        }
    }
}

/// Which structures a calendar command is about.
struct StructureSelection: ParsableArguments {
    @Option(name: .customLong("structure"), help: HelpWords.help("selection.structures", value: "structure"))
    var structures: [String] = []

    @Option(help: HelpWords.help("selection.organisation", value: "organisation"))
    var organisation: String?

    @Option(help: HelpWords.help("selection.person", value: "person"))
    var person: String?

    @Flag(help: HelpWords.help("selection.all"))
    var all = false

    func validate() throws {
        let given = [!structures.isEmpty, organisation != nil, person != nil, all].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError.localized("usage.one-selection")
        }
    }

    /// The selection as the library knows it (shared with feeds).
    var feedSelection: FeedSelection {
        if all { return .all }
        if let organisation { return .organisation(id: organisation) }
        if let person { return .person(email: person) }
        return .structures(ids: structures)
    }

    func resolve(in configuration: RegionConfiguration) throws -> [CollaborationStructure] {
        try feedSelection.resolve(in: configuration)
    }
}
