import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanReports
import SamverkanStore
import SamverkanTime

/// `minutes pending --format`: a table to read, or JSON.
enum PendingFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

extension MinutesCommand {
    /// `samverkan minutes pending`: minutes waiting for justering and whose signature is missing.
    struct Pending: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.pending.abstract"),
                discussion: HelpWords.discussion("minutes.pending.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Flag(help: HelpWords.help("minutes.pending.overdue")) var overdue = false
        @Option(help: HelpWords.help("option.only-structure", value: "structure")) var structure: String?
        @Option(help: HelpWords.help("minutes.pending.format", value: "format")) var format: PendingFormat = .text

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            if let structure { _ = try environment.structure(structure) }
            let today = try global.today()
            var rows: [PendingJustering] = []
            for pending in try await environment.store({ try await environment.database.pendingMinutes(structureID: structure) }) {
                if let row = try await PendingJustering(pending, environment: environment, today: today), !overdue || row.overdue {
                    rows.append(row)
                }
            }
            if format == .json { return print(try prettyJSON(rows), terminator: "") }
            let p = environment.phrases
            if rows.isEmpty {
                let limit = environment.configuration.mail.approvalDays
                return print(overdue ? p.text("minutes.pending.none-overdue", ["days": String(limit)]) : p.text("minutes.pending.none"))
            }
            let table = TextTable(
                header: ["id", "structure", "date", "days", "signed", "missing"].map { p.text("minutes.pending.table.\($0)") },
                rows: rows.map { row in
                    let days = ["days": String(row.days), "limit": String(row.limit), "saved": row.waitingSince.iso]
                    // A correction waits from the day it was saved, and says so.
                    let waited =
                        (row.overdue ? "minutes.pending.overdue" : "minutes.pending.days") + (row.amends == nil ? "" : ".correction")
                    let signed = row.signed.map { p.text("minutes.signed-on", ["name": $0.name, "date": $0.date.iso]) }
                    let number =
                        row.amends.map {
                            p.text(
                                row.amendedSignatures ? "minutes.pending.correction-of-signed" : "minutes.pending.correction",
                                ["id": String(row.id), "original": String($0)])
                        } ?? "#\(row.id)"
                    return [
                        number, row.structureName, row.meetingDate.iso,
                        p.text(waited, days),
                        signed.isEmpty ? p.text("minutes.pending.nobody") : p.list(signed), p.list(row.missing),
                    ]
                }, maxCellWidth: 160)
            print(table.render(), terminator: "")
        }
    }
}

/// One line of `minutes pending`: minutes waiting for justering, as JSON too.
struct PendingJustering: Encodable {
    var id: Int64
    var structure: String
    var structureName: String
    var meetingDate: LocalDate
    /// The day the wait counts from: the meeting, or the day a correction was saved.
    var waitingSince: LocalDate
    /// Days waited since ``waitingSince``.
    var days: Int
    /// The structure's `approval-days`.
    var limit: Int
    var overdue: Bool
    var signed: [Signature]
    var missing: [String]
    /// For a correction: the minutes it corrects.
    var amends: Int64?
    /// For a correction of partly signed minutes: those signatures do not carry over to it.
    var amendedSignatures: Bool

    /// The line of pending minutes; nil when their structure is no longer configured.
    init?(_ pending: PendingMinutes, environment: MinutesEnvironment, today: LocalDate) async throws {
        guard let structure = environment.configuration.structure(pending.structureID), let justering = environment.justering(of: pending)
        else { return nil }
        id = pending.id
        self.structure = structure.id
        structureName = structure.name
        meetingDate = pending.date
        waitingSince = pending.waitingSince
        days = waitingSince.days(to: today)
        limit = structure.approvalDays ?? environment.configuration.mail.approvalDays
        overdue = days > limit
        signed = justering.signatures
        missing = justering.missing
        amends = pending.amends
        amendedSignatures = try await environment.signaturesLeftBehind(by: pending)
    }
}
