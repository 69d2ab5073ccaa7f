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

        @Option(help: ArgumentHelp("With --cancel: the date of the meeting to cancel (YYYY-MM-DD).", valueName: "date"),
                transform: LocalDate.parse)
        var occurrence: LocalDate?

        @Option(help: "With --cancel: why, shown in the e-mail.")
        var reason: String?

        @Option(help: ArgumentHelp("The .eml file to write.", valueName: "file"))
        var output: String

        func validate() throws {
            if occurrence != nil, !cancel { throw ValidationError("--occurrence goes with --cancel") }
        }

        func run() throws {
            let (_, configuration) = try global.loadConfiguration()
            let target = try configuration.structures(withIDs: [structure])[0]
            let (from, to) = try period.window(today: try global.today())
            let exporter = CalendarExporter(configuration: configuration, texts: try global.calendarTexts(),
                                            now: Int(Date().timeIntervalSince1970))
            let database = try global.openDatabase()
            let purpose: InvitationComposer.Purpose = cancel
                ? .cancel(meeting: occurrence, reason: reason) : .invite
            let message = try InvitationComposer(exporter: exporter).message(
                for: target, from: from, through: to, purpose: purpose,
                messageID: "\(UUID().uuidString.lowercased())@samverkan"
            ) { plan, contentHash in
                try database.sequence(uid: plan.uid, structureID: target.id, contentHash: contentHash, bump: true)
            }
            try AtomicFile.write(message.rendered(), to: output)
            print("\(output): \(cancel ? "cancellation" : "invitation") for \(target.id) to \(message.to.count) participants")
        }
    }
}
