import ArgumentParser
import Foundation
import SamverkanCalendar
import SamverkanDomain
import SamverkanRendering
import SamverkanStore
import SamverkanTime

extension Samverkan {
    /// `samverkan notify`: what is due today — notices before meetings and reminders — sent once.
    struct NotifyCommand: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "notify",
                abstract: HelpWords.text("notify.abstract"),
                discussion: HelpWords.discussion("notify.discussion"))
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var mail: MailOptions

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let today = try global.today()
            let library = try TemplateLibrary(language: global.language)
            let texts = try MailTexts(library: library)
            let database = try await global.openDatabase()
            let first = NotifyPlanner.firstDay(today: today, settings: configuration.mail)
            let last = NotifyPlanner.lastDay(today: today, configuration: configuration)
            try await global.refreshRegister(
                database, configuration, phrases: texts.phrases,
                through: global.registerHorizon(today: today, atLeast: last))
            let input = try await global.store {
                try await database.notifyInput(
                    today: today, from: first, through: last,
                    heldSince: NotifyPlanner.heldSince(today: today, configuration: configuration),
                    heldThrough: NotifyPlanner.heldThrough(today: today, configuration: configuration))
            }
            let planner = NotifyPlanner(
                configuration: configuration, texts: texts, today: today,
                now: Int(Date().timeIntervalSince1970))
            let due = planner.due(input) { "\(UUID().uuidString.lowercased())@samverkan" }
            // Nobody to send to: said on every run, never dropped silently.
            let unaddressed = planner.unaddressed(input)
            for item in unaddressed {
                global.warn(
                    texts.phrases.text(
                        "notify.no-address",
                        [
                            "kind": texts.phrases.text("notify.kind.\(item.kind.rawValue)"), "structure": item.structure.name,
                            "id": item.structure.id, "date": item.meetingDate.iso,
                        ]))
            }
            for item in due where IdentityNumberGuard.containsNumber(item.message.text) {
                throw CLIError("mail.privacy", ["kind": item.sending.kind.rawValue, "recipient": item.sending.recipient])
            }
            let sender = MailSender(
                database: database, delivery: try mail.delivery(configuration.mail),
                phrases: texts.phrases, global: global)
            let outcome = try await sender.send(
                due.map { item in
                    (
                        item.sending,
                        { id in
                            var message = item.message
                            message.messageID = id
                            return message.rendered()
                        }
                    )
                })
            if let folder = sender.delivery.dryRunFolder {
                return print(texts.phrases.text("notify.dry-run", ["count": String(outcome.sent.count), "folder": folder]))
            }
            // Failed earlier and no longer due (the meeting is past): said every run, never dropped silently.
            let tried = Set((outcome.sent + outcome.failed.map(\.0)).map(\.key))
            for left in try await global.store({ try await database.mailLog(status: .failed) }) where !tried.contains(left.key) {
                global.warn(
                    texts.phrases.text(
                        "notify.given-up",
                        [
                            "kind": texts.phrases.text("notify.kind.\(left.kind.rawValue)"), "recipient": left.recipient,
                            "date": left.meetingDate ?? left.createdAt.prefix(10).description, "attempts": String(left.attempts),
                            "error": left.lastError ?? "-",
                        ]))
            }
            print(
                texts.phrases.text(
                    "notify.summary",
                    [
                        "sent": String(outcome.sent.count), "failed": String(outcome.failed.count), "skipped": String(outcome.skipped),
                        "unaddressed": unaddressed.isEmpty ? "" : String(unaddressed.count),
                    ]))
            if !outcome.failed.isEmpty {
                throw CLIError("mail.not-delivered", ["count": String(outcome.failed.count)], category: .io)
            }
        }
    }
}
