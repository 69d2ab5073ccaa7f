import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanStore
import SamverkanTime

extension MinutesCommand {
    /// `samverkan minutes list`: recorded and cancelled meetings.
    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.list.abstract"),
                discussion: HelpWords.discussion("minutes.list.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: HelpWords.help("option.only-structure", value: "structure")) var structure: String?
        @Option(help: ArgumentHelp(HelpWords.text("minutes.list.from"), valueName: HelpWords.value("date")), transform: LocalDate.parse)
        var from: LocalDate?
        @Option(help: ArgumentHelp(HelpWords.text("minutes.list.to"), valueName: HelpWords.value("date")), transform: LocalDate.parse)
        var to: LocalDate?
        @Option(help: HelpWords.help("option.format.table-json", value: "format")) var format: ListingFormat = .table

        // A reversed range is a usage mistake (exit 64), as in `schedule`, `calendar export` and `report`.
        func validate() throws { try PeriodOptions.check(from: from, to: to) }

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            if let structure { _ = try environment.structure(structure) }
            let rows = try await environment.store {
                try await environment.database.listMinutes(structureID: structure, from: from, through: to)
            }
            if format == .json { return print(try prettyJSON(rows), terminator: "") }
            let p = environment.phrases
            let drafts = try await environment.draftStatuses(
                // Only those partly signed or correcting something can say more than "ej justerad".
                rows.filter { $0.status == .draft && (!$0.signedBy.isEmpty || $0.amends != nil) }
                    .compactMap { row in row.id.map { ($0, row.amends) } })
            let table = TextTable(
                header: ["id", "date", "structure", "status", "decisions", "actions"].map { p.text("minutes.table.\($0)") },
                rows: rows.map { row in
                    var status: String
                    switch row.status {
                    case .draft: status = row.id.flatMap { drafts[$0] } ?? environment.draftStatus(nil)
                    case .approved: status = p.text("minutes.approved", ["date": row.approvedOn?.iso ?? "", "by": p.list(row.approvedBy)])
                    case .cancelled: status = p.text("minutes.cancelled") + (row.reason.map { ": \($0)" } ?? "")
                    }
                    if row.extra, row.status != .cancelled { status += ", " + p.text("minutes.extra") }
                    if let amends = row.amends { status += ", " + p.text("minutes.amends", ["id": String(amends)]) }
                    if let newer = row.amendedBy {
                        status +=
                            ", "
                            + (row.correctionPending
                                ? p.text("minutes.amended-by.pending", ["id": String(newer)])
                                : p.text("minutes.amended-by", ["id": String(newer)]))
                    }
                    return [
                        row.id.map { "#\($0)" } ?? "", row.date.iso, row.structureID, status,
                        row.status == .cancelled ? "" : String(row.decisions), row.status == .cancelled ? "" : String(row.newActions),
                    ]
                }, maxCellWidth: 160)
            print(table.render(), terminator: "")
        }
    }

    /// `samverkan minutes show`: one set of minutes, with the amendments that correct it.
    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.show.abstract"),
                discussion: HelpWords.discussion("minutes.show.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: HelpWords.help("minutes.show.id", value: "id")) var id: Int64
        @Option(help: HelpWords.help("minutes.show.format", value: "format")) var format: DocumentFormat = .md
        @Flag(help: HelpWords.help("minutes.show.history")) var history = false

        func validate() throws {
            if history && format == .html { throw ValidationError.localized("usage.history-format") }
        }

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            guard let minutes = try await environment.store({ try await environment.database.minutes(id: id) }) else {
                throw StoreError("minutes.not-found", ["id": String(id)])
            }
            if history {
                let shown = try await MinutesHistory(id: id, environment: environment)
                return print(format == .json ? try prettyJSON(shown) : shown.text(environment.phrases), terminator: "")
            }
            let records = [minutes] + (try await environment.store { try await environment.database.amendments(of: id) })
            if format == .json {
                return print(try prettyJSON(try await ShownMinutesJSON.records(records, environment: environment)), terminator: "")
            }
            var contexts: [(Minutes, MinutesDraftContext)] = []
            for stored in records {
                let record = try await environment.store { try await environment.database.withActionNumbers(stored) }
                let structure = try environment.structure(record.structureID)
                let database = environment.database
                let (actions, withdrawn, previous) = try await environment.store {
                    (
                        try await database.allActions(structureID: structure.id),
                        try await database.withdrawnActions(structureID: structure.id),
                        // The previous minutes as the record saw them, so what is shown reads back the same.
                        try await database.previousMinutes(
                            structureID: structure.id, before: record.date, excluding: record.amends ?? record.id)
                    )
                }
                contexts.append(
                    (
                        record,
                        MinutesDraftContext(
                            configuration: environment.configuration, structure: structure, openActions: actions,
                            withdrawnActions: withdrawn, previous: previous, phrases: environment.phrases)
                    ))
            }
            let drafts = try await environment.draftStatuses(
                records.filter { $0.approval == nil }.compactMap { record in record.id.map { ($0, record.amends) } })
            var corrected: Minutes?
            if let id = minutes.amends { corrected = try await environment.store { try await environment.database.minutes(id: id) } }
            let markdown = MinutesDocument.markdown(
                template: try environment.template("minutes.md"), records: contexts,
                draftStatus: drafts, corrected: corrected, readable: format == .html)
            // Markdown is often rendered as HTML by the reader: stored text cannot become markup.
            if format == .md { return print(MarkdownEscaping.escapedHTML(markdown), terminator: "") }
            print(
                MinutesDocument.html(markdown: markdown, template: try environment.template("minutes.html"), language: global.language),
                terminator: "")
        }
    }

    /// `samverkan minutes search`: full-text search.
    struct Search: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.search.abstract"),
                discussion: HelpWords.discussion("minutes.search.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: HelpWords.help("minutes.search.words", value: "words")) var words: [String]
        @Option(help: HelpWords.help("option.format.table-json", value: "format")) var format: ListingFormat = .table

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            let hits = try await environment.store { try await environment.database.search(words.joined(separator: " ")) }
            if format == .json { return print(try prettyJSON(hits), terminator: "") }
            let p = environment.phrases
            for hit in hits {
                // One line per meeting: a superseded or pending record says so, as `minutes list` does.
                let notes =
                    [
                        hit.replacedBy.map { p.text("minutes.amended-by", ["id": String($0)]) },
                        hit.pendingCorrection.map { p.text("minutes.amended-by.pending", ["id": String($0)]) },
                    ].compactMap { $0 }
                let note = notes.isEmpty ? "" : "  (\(notes.joined(separator: "; ")))"
                print("#\(hit.id)  \(hit.date.iso)  \(hit.structureID)  \(hit.snippet)\(note)")
            }
        }
    }
}
