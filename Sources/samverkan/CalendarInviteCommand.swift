import SamverkanRendering
import ArgumentParser
import Foundation
import SamverkanDomain
import SamverkanReports
import SamverkanStore
import SamverkanCalendar
import SamverkanICal
import SamverkanTime

extension Samverkan.CalendarCommand {
    /// `samverkan calendar invite`: an RFC 6047 e-mail with the series, or a cancellation.
    struct Invite: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an invitation (or cancellation) e-mail for a structure's meeting series.",
            discussion: """
                The .eml file opens in Outlook, Thunderbird or Apple Mail as a meeting request. The \
                organizer is the structure's secretary (else chair); every participant with an e-mail \
                address is an attendee. SEQUENCE rises with every invitation.

                Examples:
                  samverkan calendar invite --config Config/halland.yaml --structure rug --output rug.eml
                  samverkan calendar invite --config Config/halland.yaml --structure rug --cancel --occurrence 2025-03-13 --output inställt.eml
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: PeriodOptions

        @Option(help: "The structure id.")
        var structure: String

        @Flag(help: "Cancel the series (or, with --occurrence, one meeting).")
        var cancel = false

        @Option(help: ArgumentHelp("With --cancel: the date of the meeting to cancel (YYYY-MM-DD).", valueName: "date"))
        var occurrence: String?

        @Option(help: "With --cancel: why, shown in the e-mail.")
        var reason: String?

        @Option(help: ArgumentHelp("The .eml file to write.", valueName: "file"))
        var output: String

        func validate() throws {
            if occurrence != nil, !cancel { throw ValidationError("--occurrence goes with --cancel") }
            if let occurrence, LocalDate(iso: occurrence) == nil {
                throw ValidationError("--occurrence must be a date written YYYY-MM-DD, not \"\(occurrence)\"")
            }
        }

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let target = try configuration.structures(withIDs: [structure])[0]
            let (from, to) = try period.window(today: try global.today())
            let texts = try global.calendarTexts()
            let now = Int(Date().timeIntervalSince1970)
            let exporter = CalendarExporter(configuration: configuration, texts: texts, now: now)
            let occurrences = try exporter.scheduler.occurrences(of: target, from: from, through: to)
            let plans = try SeriesPlan.plans(for: target, occurrences: occurrences) {
                configuration.calendarUID(of: target, plannedDate: $0)
            }
            guard !plans.isEmpty else {
                throw UserError("\(target.id) has no meeting between \(from) and \(to); widen --from/--to")
            }
            let database = try global.openDatabase()
            let values = texts.values(for: target, in: configuration)
            let document: ICalDocument
            let subject: String
            let body: String
            if cancel {
                let (plan, chosen) = try pick(plans: plans, occurrences: occurrences)
                let sequence = try database.sequence(uid: plan.uid, structureID: target.id,
                                                     contentHash: try exporter.contentHash(of: plan), bump: true)
                document = try exporter.cancellation(plan, occurrence: chosen, sequence: sequence)
                let date = chosen.map { $0.start.date.iso } ?? ""
                subject = texts.phrases.text(chosen == nil ? "cancellation.subject.series" : "cancellation.subject.occurrence",
                                             ["name": target.name, "date": date])
                body = texts.cancellation.render(values.merging([
                    "what": texts.phrases.text(chosen == nil ? "cancellation.what.series" : "cancellation.what.occurrence", ["date": date]),
                    "when": chosen.map { "\($0.start.date.iso) \($0.start.time)–\($0.end.time)" } ?? "",
                    "reason": reason ?? texts.phrases.text("cancellation.reason.default"),
                    "organizer": exporter.organizer(of: target)?.commonName ?? "",
                ]) { _, new in new })
            } else {
                var sequence = 0
                for plan in plans {
                    sequence = max(sequence, try database.sequence(uid: plan.uid, structureID: target.id,
                                                                   contentHash: try exporter.contentHash(of: plan), bump: true))
                }
                document = try exporter.invitation(plans, sequence: sequence)
                subject = texts.phrases.text("invitation.subject", ["name": target.name])
                let first = occurrences.first(where: \.isHeld).map { "\($0.start.date.iso) \($0.start.time)–\($0.end.time)" } ?? ""
                body = texts.invitation.render(values.merging([
                    "first": first, "organizer": exporter.organizer(of: target)?.commonName ?? "",
                ]) { _, new in new })
            }
            guard let organizer = exporter.organizer(of: target) else { throw UserError("\(target.id) has no organizer") }
            let message = InvitationMessage(
                from: .init(name: organizer.commonName, email: organizer.email),
                to: exporter.attendees(of: target).map { .init(name: $0.commonName, email: $0.email) },
                subject: subject, text: body, calendar: try document.serialized(),
                method: cancel ? "CANCEL" : "REQUEST", date: now,
                messageID: "\(UUID().uuidString.lowercased())@samverkan")
            try AtomicFile.write(message.rendered(), to: output)
            print("\(output): \(cancel ? "cancellation" : "invitation") for \(target.id) to \(message.to.count) participants")
        }

        /// The plan and meeting a cancellation is about.
        func pick(plans: [SeriesPlan], occurrences: [Occurrence]) throws -> (SeriesPlan, Occurrence?) {
            guard let text = occurrence, let date = LocalDate(iso: text) else { return (plans[0], nil) }
            guard let chosen = occurrences.first(where: { $0.isHeld && ($0.start.date == date || $0.plannedStart.date == date) }) else {
                let near = occurrences.filter(\.isHeld).map(\.start.date).sorted { abs($0.days(to: date)) < abs($1.days(to: date)) }
                    .prefix(3).map(\.iso).sorted().joined(separator: ", ")
                throw UserError("\(structure) has no meeting on \(text) in the period; the nearest are \(near)")
            }
            let plan = plans.first { $0.rule != nil } ?? plans.first { $0.start == chosen.start } ?? plans[0]
            return (plan, chosen)
        }
    }
}
