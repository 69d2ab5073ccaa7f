import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports

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
            throw ValidationError("choose exactly one of --structure, --organisation, --person or --all")
        }
    }

    func resolve(in configuration: RegionConfiguration) throws -> [CollaborationStructure] {
        if all { return configuration.structures }
        if let organisation {
            guard configuration.organisation(organisation) != nil else {
                throw LookupError(kind: "organisation", ids: [organisation], known: configuration.organisations.map(\.id))
            }
            let found = configuration.structures(involving: organisation)
            guard !found.isEmpty else { throw CLIError("organisation.no-structures", ["organisation": organisation]) }
            return found
        }
        if let person {
            let found = configuration.structures(forEmail: person)
            guard !found.isEmpty else { throw CLIError("person.no-structures") }
            return found
        }
        return try configuration.structures(withIDs: structures)
    }
}
