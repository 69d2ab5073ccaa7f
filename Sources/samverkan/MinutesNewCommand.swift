import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanTime

extension MinutesCommand {
    /// `samverkan minutes new`: writes the minutes of a meeting in the editor, or from a file.
    struct New: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.new.abstract"),
                discussion: HelpWords.discussion("minutes.new.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: HelpWords.help("option.structure", value: "structure")) var structure: String?
        @Option(help: ArgumentHelp(HelpWords.text("option.meeting-date"), valueName: HelpWords.value("date")), transform: LocalDate.parse)
        var date: LocalDate?
        @Flag(help: HelpWords.help("minutes.new.extra")) var extra = false
        @Option(help: ArgumentHelp(HelpWords.text("minutes.new.file"), valueName: HelpWords.value("path")))
        var file: String?

        func validate() throws {
            if structure == nil, file == nil { throw ValidationError.localized("usage.structure-missing") }
        }

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            let input = try file.map(MinutesDraftInput.read)
            let structureID = structure ?? input.flatMap { MinutesDraftInput.field("structure", in: $0.text, environment.phrases) } ?? ""
            let chosen = try environment.structure(structureID)
            let today = try global.today()
            let fileDate = input.flatMap { MinutesDraftInput.field("date", in: $0.text, environment.phrases) }.flatMap {
                LocalDate(iso: $0)
            }
            let meeting = try await environment.draftedMeeting(of: chosen, date: date ?? fileDate, today: today)
            let context = try await environment.context(structure: chosen, date: meeting.date)
            let recorder = MinutesRecorder(environment: environment, structure: chosen, allowExtra: extra)
            if let input {
                try await recorder.record(input: input, context: context, suggestedDate: meeting.date, givenDate: date)
            } else {
                let draft = try environment.blankDraft(context: context, meeting: meeting)
                let name = "\(chosen.id)-\(meeting.date.iso).md"
                try await recorder.recordInEditor(draft: draft, draftName: name, context: context, suggestedDate: meeting.date)
            }
        }
    }

    /// `samverkan minutes template`: prints an empty draft for a structure and date.
    struct Template: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("minutes.template.abstract"),
                discussion: HelpWords.discussion("minutes.template.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: HelpWords.help("option.structure", value: "structure")) var structure: String
        @Option(
            help: ArgumentHelp(HelpWords.text("minutes.template.date"), valueName: HelpWords.value("date")),
            transform: LocalDate.parse)
        var date: LocalDate?

        func run() async throws {
            let environment = try await MinutesEnvironment(global)
            let chosen = try environment.structure(structure)
            let meeting = try await environment.draftedMeeting(of: chosen, date: date, today: try global.today())
            let context = try await environment.context(structure: chosen, date: meeting.date)
            print(try environment.blankDraft(context: context, meeting: meeting), terminator: "")
        }
    }
}
