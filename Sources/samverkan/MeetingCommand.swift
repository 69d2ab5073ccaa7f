import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTime

/// `samverkan meeting`: a coordinator's decisions about single meetings, stored in the meeting
/// register so that schedules, calendars, invitations, minutes and reports agree.
struct MeetingCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "meeting",
            abstract: HelpWords.text("meeting.abstract"),
            discussion: HelpWords.discussion("meeting.discussion"),
            subcommands: [Cancel.self, Move.self, Add.self, Restore.self]
        )
    }
}

/// What every decision names: the structure, the meeting's date, why, and who decided.
struct DecisionOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(help: HelpWords.help("option.structure", value: "structure"))
    var structure: String

    @Option(
        help: ArgumentHelp(HelpWords.text("decision.date"), valueName: HelpWords.value("date")),
        transform: LocalDate.parse)
    var date: LocalDate

    @Option(help: HelpWords.help("decision.reason", value: "reason"))
    var reason: String

    @Option(help: ArgumentHelp(HelpWords.text("decision.by"), valueName: HelpWords.value("person")))
    var by: String?

    /// Stores a decision and prints where the meeting now stands.
    /// - Returns: the meeting before and after the decision, and the store it was decided in.
    @discardableResult
    func decide(_ action: MeetingDecision.Action, start: (CollaborationStructure, RegisteredMeeting?) throws -> LocalDateTime?) async throws
        -> (before: RegisteredMeeting?, after: RegisteredMeeting?, database: any MeetingStore)
    {
        try await global.decide(structureID: structure, date: date, action: action, reason: reason, by: by, start: start)
    }
}

extension MeetingCommand {
    /// `samverkan meeting cancel`.
    struct Cancel: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("meeting.cancel.abstract"),
                discussion: HelpWords.discussion("meeting.cancel.discussion"))
        }
        @OptionGroup var options: DecisionOptions
        @OptionGroup var notification: NotifyOptions

        func run() async throws {
            let (before, _, database) = try await options.decide(.cancel) { _, _ in nil }
            if notification.notify, let before {
                try await notification.send(options, meeting: before, cancelled: true, database: database)
            }
        }
    }

    /// `samverkan meeting move`.
    struct Move: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("meeting.move.abstract"),
                discussion: HelpWords.discussion("meeting.move.discussion"))
        }
        @OptionGroup var options: DecisionOptions

        @Option(help: ArgumentHelp(HelpWords.text("meeting.move.to"), valueName: HelpWords.value("when")))
        var to: String?

        @Option(help: ArgumentHelp(HelpWords.text("meeting.move.time"), valueName: HelpWords.value("time")))
        var time: String?

        func validate() throws {
            if to == nil, time == nil { throw ValidationError.localized("usage.move-nothing") }
            if let to, MeetingTime.parse(to) == nil {
                throw ValidationError.localized("usage.move-to", ["value": to])
            }
            if let time, LocalTime(text: time) == nil { throw ValidationError.localized("usage.time", ["value": time]) }
        }

        @OptionGroup var notification: NotifyOptions

        func run() async throws {
            let (_, after, database) = try await options.decide(.move) { structure, current in
                let base = current?.start ?? LocalDateTime(date: options.date, time: structure.time)
                let parsed = to.flatMap(MeetingTime.parse)
                let day = parsed?.date ?? base.date
                let clock = time.flatMap { LocalTime(text: $0) } ?? parsed?.time ?? base.time
                return LocalDateTime(date: day, time: clock)
            }
            if notification.notify, let after {
                try await notification.send(options, meeting: after, cancelled: false, database: database)
            }
        }
    }

    /// `samverkan meeting add`.
    struct Add: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: HelpWords.text("meeting.add.abstract"))
        }
        @OptionGroup var options: DecisionOptions

        @Option(help: ArgumentHelp(HelpWords.text("meeting.add.time"), valueName: HelpWords.value("time")))
        var time: String?

        func validate() throws {
            if let time, LocalTime(text: time) == nil { throw ValidationError.localized("usage.time", ["value": time]) }
        }

        func run() async throws {
            try await options.decide(.add) { structure, _ in
                LocalDateTime(date: options.date, time: time.flatMap { LocalTime(text: $0) } ?? structure.time)
            }
        }
    }

    /// `samverkan meeting restore`.
    struct Restore: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: HelpWords.text("meeting.restore.abstract"))
        }
        @OptionGroup var options: DecisionOptions

        func run() async throws { try await options.decide(.restore) { _, _ in nil } }
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
