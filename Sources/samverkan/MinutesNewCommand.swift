import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanTime

extension MinutesCommand {
    /// `samverkan minutes new`: writes the minutes of a meeting in the editor, or from a file.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the minutes of a meeting (opens $VISUAL/$EDITOR, like git commit).",
            discussion: HelpText.reflowed(
                """
                Picks the meeting: --date, or else the latest planned meeting up to today that has
                no minutes. A date that is no planned meeting is an extra meeting: confirm it, or
                give --extra. The draft is checked when you close the editor; each mistake is shown
                as LINE: message and the editor opens again. Without a terminal the draft is kept
                and its path printed. --file PATH (or - for standard input) takes a filled draft.

                Examples:
                  samverkan minutes new --structure rug
                  samverkan minutes new --structure rug --date 2025-03-13 --file protokoll.md
                """))

        @OptionGroup var global: GlobalOptions
        @Option(help: "The structure id.") var structure: String?
        @Option(help: ArgumentHelp("The meeting date (YYYY-MM-DD).", valueName: "date"), transform: LocalDate.parse)
        var date: LocalDate?
        @Flag(help: "Record an extra meeting on a date that is no planned meeting.") var extra = false
        @Option(help: ArgumentHelp("A filled draft to record instead of opening the editor; - reads standard input.", valueName: "path"))
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
        static let configuration = CommandConfiguration(
            abstract: "Print an empty draft of minutes for a structure and date.",
            discussion:
                "Fill it in and record it with `samverkan minutes new --file PATH`.\n\nExample: samverkan minutes template --structure rug --date 2025-03-13 > protokoll.md"
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "The structure id.") var structure: String
        @Option(
            help: ArgumentHelp("The meeting date (YYYY-MM-DD); default: the latest planned meeting without minutes.", valueName: "date"),
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
