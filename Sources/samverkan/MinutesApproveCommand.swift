import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTime

extension MinutesCommand {
    /// `samverkan minutes approve`: one signature of the justering, by the chair or an approver.
    struct Approve: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.approve.abstract"),
                discussion: HelpWords.discussion("minutes.approve.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: HelpWords.help("minutes.approve.id", value: "id")) var id: Int64
        @Option(help: ArgumentHelp(HelpWords.text("minutes.approve.by"), valueName: HelpWords.value("name"))) var by: [String] = []
        @Option(
            help: ArgumentHelp(HelpWords.text("minutes.approve.date"), valueName: HelpWords.value("date")),
            transform: LocalDate.parse)
        var date: LocalDate?

        func validate() throws {
            if by.isEmpty { throw ValidationError.localized("usage.approve-by") }
        }

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            try environment.checkPrivacy(by, option: "--by")
            let today = try global.today()
            let day = date ?? today
            if day > today { throw StoreError("minutes.approved-in-future", ["id": String(id), "date": day.iso, "today": today.iso]) }
            guard let minutes = try await environment.store({ try await environment.database.minutes(id: id) }) else {
                throw StoreError("minutes.not-found", ["id": String(id)])
            }
            if let approval = minutes.approval {
                throw StoreError("minutes.already-approved", ["id": String(id), "date": approval.date.iso])
            }
            try Self.checkNotBeforeSaved(minutes, day: day)
            let structure = try environment.structure(minutes.structureID)
            let required = environment.configuration.justering(structure: structure, chair: minutes.chair, approvers: minutes.approvers)
            let names = try by.map { try environment.signatory($0, structure: structure, justering: required) }
            let (signed, justering) = try await environment.store {
                try await environment.database.sign(id: id, names: names, date: day, required: required.required)
            }
            let p = environment.phrases
            guard let approval = signed.approval else {
                return print(
                    p.text(
                        "minutes.signed.done",
                        ["name": p.list(names), "id": String(id), "date": day.iso, "missing": p.list(justering.missing)]))
            }
            let numbers = signed.decisions.compactMap(\.number)
            let paragraphs = numbers.isEmpty ? "" : numbers.count == 1 ? "§ \(numbers[0])" : "§ \(numbers.first!)–\(numbers.last!)"
            print(p.text("minutes.approved.done", ["id": String(id), "date": approval.date.iso, "paragraphs": paragraphs]))
        }
    }

    /// `samverkan minutes amend`: a correction, recorded as new minutes linked to the original.
    struct Amend: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.amend.abstract"),
                discussion: HelpWords.discussion("minutes.amend.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: HelpWords.help("minutes.amend.id", value: "id")) var id: Int64
        @Option(help: ArgumentHelp(HelpWords.text("minutes.amend.file"), valueName: HelpWords.value("path"))) var file: String?

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            guard var original = try await environment.store({ try await environment.database.minutes(id: id) }) else {
                throw StoreError("minutes.not-found", ["id": String(id)])
            }
            if let newer = try await environment.store({ try await environment.database.amendments(of: id) }).last {
                throw StoreError("minutes.already-amended", ["id": String(id), "newer": String(newer.id ?? 0)])
            }
            let structure = try environment.structure(original.structureID)
            // Follow-ups by number (`#N`), as the draft and `minutes show` write them.
            original = try await environment.store { try await environment.database.withActionNumbers(original) }
            let context = try await environment.context(structure: structure, date: original.date, amends: original)
            let recorder = MinutesRecorder(environment: environment, structure: structure, allowExtra: original.isExtra)
            if let file {
                // The output of `minutes show` may hold the original and its corrections: read this record's part.
                let input = try MinutesDraftInput.read(file)
                let part = MinutesDraftInput(path: input.path, text: MinutesDocument.draft(correcting: id, from: input.text))
                try await recorder.record(input: part, context: context, suggestedDate: original.date)
                return
            }
            original.approval = nil
            // Each item keeps its number (`#N`) in the draft, so its follow-ups stay attached.
            for index in original.newActions.indices {
                original.newActions[index].continues = original.newActions[index].number
                original.newActions[index].id = nil
            }
            let draft = MinutesDraft.render(template: try environment.template("minutes.md"), context: context, minutes: original)
            try await recorder.recordInEditor(
                draft: draft, draftName: "\(structure.id)-\(original.date.iso)-rattelse-\(id).md",
                context: context, suggestedDate: original.date)
        }
    }

    /// `samverkan minutes verify`: checks every approved record against its stored hash.
    struct Verify: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.verify.abstract"))
        }

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            let audit = try await environment.store { try await environment.database.auditApprovals() }
            let p = environment.phrases
            for minutes in audit.checked where !audit.problems.contains(where: { $0.id == minutes.id }) {
                print(
                    p.text(
                        "minutes.verify.ok", ["id": String(minutes.id ?? 0), "structure": minutes.structureID, "date": minutes.date.iso]))
            }
            for problem in audit.problems {
                environment.warn(p.text("minutes.verify.\(problem.kind.rawValue)", ["id": String(problem.id)]))
            }
            if !audit.integrity.isEmpty { environment.warn(p.text("minutes.verify.integrity", ["count": String(audit.integrity.count)])) }
            let bad = Set(audit.problems.map(\.id))
            print(
                p.text(
                    "minutes.verify.summary",
                    ["ok": String(audit.checked.count { !bad.contains($0.id ?? 0) }), "count": String(audit.checked.count)]))
            if let head = audit.head { print(p.text("minutes.verify.head", ["hash": head])) }
            if !audit.isSound { throw ExitCode(1) }
        }
    }

    /// `samverkan minutes cancel`: records that a meeting was not held.
    struct Cancel: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.cancel.abstract"),
                discussion: HelpWords.discussion("minutes.cancel.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: HelpWords.help("option.structure", value: "structure")) var structure: String
        @Option(help: ArgumentHelp(HelpWords.text("option.meeting-date"), valueName: HelpWords.value("date")), transform: LocalDate.parse)
        var date: LocalDate
        @Option(help: HelpWords.help("minutes.cancel.reason", value: "reason")) var reason: String

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError.localized("usage.reason-missing")
            }
        }

        func run() async throws {
            // The same decision as `samverkan meeting cancel`: checked against the register.
            try await global.decide(structureID: structure, date: date, action: .cancel, reason: reason, by: nil) { _, _ in nil }
        }
    }
}
