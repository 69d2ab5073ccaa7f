import ArgumentParser
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanStore
import SamverkanTime

extension Samverkan {
    /// `samverkan actions`: action items with their latest status.
    struct ActionsCommand: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "actions",
                abstract: HelpWords.text("actions.abstract"),
                discussion: HelpWords.discussion("actions.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Flag(help: HelpWords.help("actions.open")) var open = false
        @Flag(help: HelpWords.help("actions.overdue")) var overdue = false
        @Option(help: HelpWords.help("actions.responsible", value: "responsible")) var responsible: String?
        @Option(help: HelpWords.help("actions.structure", value: "structure")) var structure: String?
        @Option(help: HelpWords.help("option.format.table-json", value: "format")) var format: ListingFormat = .table

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            let today = try global.today()
            if let structure { _ = try environment.structure(structure) }
            let responsibleID = try responsible.map { try Self.responsibleID($0, in: environment) }
            var items = try await environment.store {
                try await environment.database.allActions(structureID: structure, responsible: responsibleID)
            }
            if open || overdue { items.removeAll { $0.status == .done } }
            if overdue { items.removeAll { !$0.isOverdue(today: today) } }
            if format == .json { return print(try prettyJSON(items), terminator: "") }
            let p = environment.phrases
            guard !items.isEmpty else { return print(p.text("actions.none")) }
            let config = environment.configuration
            func name(_ responsible: Responsible) -> String {
                switch responsible.kind {
                case .person: return config.person(responsible.id)?.name ?? responsible.id
                case .organisation: return config.organisation(responsible.id)?.name ?? responsible.id
                }
            }
            let table = TextTable(
                header: ["id", "structure", "action", "responsible", "due", "status"].map { p.text("actions.table.\($0)") },
                rows: items.map { item in
                    var status = p.text(item.status.phraseKey)
                    if item.isOverdue(today: today) { status += " (\(p.text("actions.overdue")))" }
                    return [
                        "#\(item.item.id ?? 0)", item.structureID, item.item.text, name(item.item.responsible),
                        item.item.due.iso, status,
                    ]
                })
            print(table.render(), terminator: "")
        }
    }
}

extension Samverkan.ActionsCommand {
    /// The id of a person or organisation written as its id or its name (as drafts accept it);
    /// an unknown one is refused with the closest names rather than answered with "no actions".
    static func responsibleID(_ written: String, in environment: MinutesEnvironment) throws -> String {
        let configuration = environment.configuration
        if configuration.person(written) != nil || configuration.organisation(written) != nil { return written }
        if let person = configuration.findPerson(written) { return person.id }
        if let organisation = configuration.organisations.first(where: { Justering.same($0.name, written) }) { return organisation.id }
        let close = RegionConfiguration.closest(to: written, among: configuration.people)
        throw CLIError(
            "actions.unknown-responsible",
            ["value": written, "close": environment.phrases.alternatives(close.map { "\"\($0)\"" })])
    }
}
