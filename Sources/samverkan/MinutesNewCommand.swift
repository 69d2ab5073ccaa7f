import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanTime

extension MinutesCommand {
    /// `samverkan minutes new`: writes the minutes of a meeting in the editor, or from a file.
    struct New: ParsableCommand {
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

        func run() throws {
            let environment = try MinutesEnvironment(global)
            let input = try file.map(MinutesDraftInput.read)
            let structureID = structure ?? input.flatMap { MinutesDraftInput.field("structure", in: $0.text, environment.phrases) } ?? ""
            let chosen = try environment.structure(structureID)
            let today = try global.today()
            let meetingDate: LocalDate
            var time: LocalTime?
            if let given = date
                ?? input.flatMap({ MinutesDraftInput.field("date", in: $0.text, environment.phrases) })
                .flatMap({ LocalDate(iso: $0) })
            {
                meetingDate = given
                time = try environment.meeting(of: chosen, on: given)?.start.time
            } else if let meeting = try environment.latestUnrecorded(of: chosen, today: today) {
                meetingDate = meeting.start.date
                time = meeting.start.time
            } else {
                throw CLIError("minutes.no-unrecorded-meeting", ["structure": chosen.id, "today": today.iso])
            }
            let context = try environment.context(structure: chosen, date: meetingDate)
            let recorder = MinutesRecorder(environment: environment, structure: chosen, allowExtra: extra)
            if let input {
                try recorder.record(input: input, context: context, suggestedDate: meetingDate)
            } else {
                let draft = MinutesDraft.render(
                    template: try environment.template("minutes.md"), context: context,
                    minutes: MinutesDraft.blank(context: context, date: meetingDate, time: time))
                let name = "\(chosen.id)-\(meetingDate.iso).md"
                try recorder.recordInEditor(draft: draft, draftName: name, context: context, suggestedDate: meetingDate)
            }
        }
    }

    /// `samverkan minutes template`: prints an empty draft for a structure and date.
    struct Template: ParsableCommand {
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

        func run() throws {
            let environment = try MinutesEnvironment(global)
            let chosen = try environment.structure(structure)
            let today = try global.today()
            let meetingDate: LocalDate
            var time: LocalTime?
            if let given = date {
                meetingDate = given
                time = try environment.meeting(of: chosen, on: given)?.start.time
            } else if let meeting = try environment.latestUnrecorded(of: chosen, today: today) {
                meetingDate = meeting.start.date
                time = meeting.start.time
            } else {
                throw CLIError("minutes.no-unrecorded-meeting", ["structure": chosen.id, "today": today.iso])
            }
            let context = try environment.context(structure: chosen, date: meetingDate)
            print(
                MinutesDraft.render(
                    template: try environment.template("minutes.md"), context: context,
                    minutes: MinutesDraft.blank(context: context, date: meetingDate, time: time)), terminator: "")
        }
    }
}
