import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTime

/// `samverkan meeting`: a coordinator's decisions about single meetings, stored in the meeting
/// register so that schedules, calendars, invitations, minutes and reports agree.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Cancel, move or add a meeting, or restore it to what is planned.",
        discussion: HelpText.reflowed(
            """
            A decision is stored with its reason, who made it and when; `schedule`, `calendar export`,
            `calendar invite`, `minutes new` and the reports follow it.

            Examples:
              samverkan meeting cancel --structure rug --date 2025-05-08 --reason "Krock med krisledningsövning"
              samverkan meeting move --structure rug --date 2025-06-12 --to 2025-06-11T13:00 --reason "Lokalen upptagen"
              samverkan meeting add --structure rug --date 2025-08-21 --time 09:00 --reason "Extra möte om sommaren"
              samverkan meeting restore --structure rug --date 2025-05-08 --reason "Övningen flyttades"
            """),
        subcommands: [Cancel.self, Move.self, Add.self, Restore.self]
    )
}

/// What every decision names: the structure, the meeting's date, why, and who decided.
struct DecisionOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(help: "The structure id.")
    var structure: String

    @Option(
        help: ArgumentHelp("The meeting's planned date (for add: the extra meeting's date), YYYY-MM-DD.", valueName: "date"),
        transform: LocalDate.parse)
    var date: LocalDate

    @Option(help: "Why: shown in calendars, invitations and listings.")
    var reason: String

    @Option(help: ArgumentHelp("Who decided: a person id from the configuration.", valueName: "person"))
    var by: String?

    /// Stores a decision and prints where the meeting now stands.
    /// - Returns: the meeting before and after the decision.
    @discardableResult
    func decide(_ action: MeetingDecision.Action, start: (CollaborationStructure, RegisteredMeeting?) throws -> LocalDateTime?) throws
        -> (before: RegisteredMeeting?, after: RegisteredMeeting?)
    {
        try global.decide(structureID: structure, date: date, action: action, reason: reason, by: by, start: start)
    }
}

extension MeetingCommand {
    /// `samverkan meeting cancel`.
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a planned meeting.",
            discussion: "With --notify, every participant gets the iTIP CANCEL of the meeting through the mail command.")
        @OptionGroup var options: DecisionOptions
        @OptionGroup var notification: NotifyOptions

        func run() throws {
            let (before, _) = try options.decide(.cancel) { _, _ in nil }
            if notification.notify, let before { try notification.send(options, meeting: before, cancelled: true) }
        }
    }

    /// `samverkan meeting move`.
    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a meeting to another day or time.",
            discussion: HelpText.reflowed(
                """
                Give --to YYYY-MM-DD (same time), --to YYYY-MM-DDTHH:MM, or --time HH:MM (same day). With \
                --notify, every participant gets the updated iTIP REQUEST of the meeting's UID through the mail command.
                """))
        @OptionGroup var options: DecisionOptions

        @Option(help: ArgumentHelp("The new day, with or without a time: YYYY-MM-DD or YYYY-MM-DDTHH:MM.", valueName: "when"))
        var to: String?

        @Option(help: ArgumentHelp("The new time of day, HH:MM.", valueName: "time"))
        var time: String?

        func validate() throws {
            if to == nil, time == nil { throw ValidationError.localized("usage.move-nothing") }
            if let to, MeetingTime.parse(to) == nil {
                throw ValidationError.localized("usage.move-to", ["value": to])
            }
            if let time, LocalTime(text: time) == nil { throw ValidationError.localized("usage.time", ["value": time]) }
        }

        @OptionGroup var notification: NotifyOptions

        func run() throws {
            let (_, after) = try options.decide(.move) { structure, current in
                let base = current?.start ?? LocalDateTime(date: options.date, time: structure.time)
                let parsed = to.flatMap(MeetingTime.parse)
                let day = parsed?.date ?? base.date
                let clock = time.flatMap { LocalTime(text: $0) } ?? parsed?.time ?? base.time
                return LocalDateTime(date: day, time: clock)
            }
            if notification.notify, let after { try notification.send(options, meeting: after, cancelled: false) }
        }
    }

    /// `samverkan meeting add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an extra meeting outside the decided frequency.")
        @OptionGroup var options: DecisionOptions

        @Option(help: ArgumentHelp("The start time, HH:MM (default: the structure's time).", valueName: "time"))
        var time: String?

        func validate() throws {
            if let time, LocalTime(text: time) == nil { throw ValidationError.localized("usage.time", ["value": time]) }
        }

        func run() throws {
            try options.decide(.add) { structure, _ in
                LocalDateTime(date: options.date, time: time.flatMap { LocalTime(text: $0) } ?? structure.time)
            }
        }
    }

    /// `samverkan meeting restore`.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Undo the decisions about a meeting: it is as planned again.")
        @OptionGroup var options: DecisionOptions

        func run() throws { try options.decide(.restore) { _, _ in nil } }
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a space may stand for the `T`).
enum MeetingTime {
    static func parse(_ text: String) -> (date: LocalDate, time: LocalTime?)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let date = LocalDate(iso: trimmed.prefix(10)) else { return nil }
        let rest = trimmed.dropFirst(10)
        if rest.isEmpty { return (date, nil) }
        guard rest.first == "T" || rest.first == " ", let time = LocalTime(text: rest.dropFirst()) else { return nil }
        return (date, time)
    }
}
