import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports
import SamverkanServer

extension Samverkan {
    /// `samverkan calendar`: calendars to import or subscribe to, and invitations.
    struct CalendarCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar",
            abstract: "Export meeting series as iCalendar, or write invitations and cancellations.",
            subcommands: [Export.self, Invite.self]
        )
    }
}

/// Which structures a calendar command is about.
struct StructureSelection: ParsableArguments {
    @Option(name: .customLong("structure"), help: "A structure id (repeat for several).")
    var structures: [String] = []

    @Option(help: "Every structure an organisation (or, for a municipality or region, its units) takes part in.")
    var organisation: String?

    @Option(help: "Every structure a person (by e-mail) takes part in.")
    var person: String?

    @Flag(help: "Every structure.")
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
