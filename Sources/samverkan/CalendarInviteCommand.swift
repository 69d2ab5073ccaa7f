import ArgumentParser
import Foundation
import SamverkanCalendar
import SamverkanDomain
import SamverkanICal
import SamverkanRendering
import SamverkanReports
import SamverkanServer
import SamverkanStore
import SamverkanTime

extension Samverkan.CalendarCommand {
    /// `samverkan calendar invite`: an RFC 6047 e-mail with the series, or a cancellation.
    struct Invite: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: HelpWords.text("calendar.invite.abstract"),
                discussion: HelpWords.discussion("calendar.invite.discussion")
            )
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: PeriodOptions

        @Option(help: HelpWords.help("option.structure", value: "structure"))
        var structure: String

        @Flag(help: HelpWords.help("calendar.invite.cancel"))
        var cancel = false

        @Option(
            help: ArgumentHelp(HelpWords.text("calendar.invite.occurrence"), valueName: HelpWords.value("date")),
            transform: LocalDate.parse)
        var occurrence: LocalDate?

        @Option(help: HelpWords.help("calendar.invite.reason", value: "reason"))
        var reason: String?

        @Option(
            help: ArgumentHelp(HelpWords.text("calendar.invite.output"), valueName: HelpWords.value("path")))
        var output: String?

        @Flag(help: HelpWords.help("calendar.invite.send"))
        var send = false

        @OptionGroup var mail: MailOptions

        func validate() throws {
            if occurrence != nil, !cancel { throw ValidationError.localized("usage.occurrence-without-cancel") }
            if output == nil, !send { throw ValidationError.localized("usage.invite-output") }
        }

        func run() async throws {
            let (_, configuration) = try global.loadConfiguration()
            let target = try configuration.structures(withIDs: [structure])[0]
            let (from, to) = try period.window(today: try global.today())
            let texts = try global.calendarTexts()
            let exporter = CalendarExporter(configuration: configuration, texts: texts, now: Int(Date().timeIntervalSince1970))
            let database = try await global.openDatabase()
            var meetings = try await global.calendarMeetings(database, configuration, structures: [target], from: from, through: to)
            let purpose: InvitationComposer.Purpose
            if cancel, let occurrence {
                let meeting = try await cancelled(occurrence, of: target, in: meetings.all, phrases: texts.phrases, database: database)
                meetings = try await global.calendarMeetings(database, configuration, structures: [target], from: from, through: to)
                let stored = meetings.all.first { $0.uid == meeting.uid && $0.plannedStart == meeting.plannedStart }
                purpose = .cancelMeeting(stored ?? meeting, reason: reason)
            } else {
                purpose = cancel ? .cancelSeries(reason: reason) : .invite
                let plans = try SeriesPlan.plans(for: target, meetings: meetings.window).filter { cancel ? !$0.isCancelled : true }
                if plans.count > 1, output != nil, !isFolder {
                    throw CLIError("calendar.invite-needs-folder", ["structure": target.id, "count": String(plans.count)])
                }
            }
            let composed = try await InvitationComposer(exporter: exporter).messages(
                for: target, meetings: meetings.window, all: meetings.all, from: from, through: to, purpose: purpose,
                messageID: { _ in "\(UUID().uuidString.lowercased())@samverkan" }
            ) { uid, contentHash in
                try await global.store { try await database.sequence(uid: uid, structureID: target.id, contentHash: contentHash) }
            }
            if let output {
                if isFolder {
                    try AtomicFile.createFolder(output)
                    for item in composed {
                        try AtomicFile.write(
                            item.message.rendered(), to: (output as NSString).appendingPathComponent(fileName(item.uid, configuration)))
                    }
                } else {
                    try AtomicFile.write(composed[0].message.rendered(), to: output)
                }
                let place =
                    isFolder
                    ? texts.phrases.text(
                        "output.files-in", ["count": String(composed.count), "one": composed.count == 1 ? "1" : "", "folder": output])
                    : output
                print(
                    texts.phrases.text(
                        cancel ? "invite.written.cancellation" : "invite.written.invitation",
                        [
                            "where": place, "structure": target.id, "count": String(composed[0].message.to.count),
                            "one": composed[0].message.to.count == 1 ? "1" : "",
                        ]))
            }
            if send {
                try await global.sendInvitations(
                    composed, structureID: target.id, cancel: cancel, configuration: configuration,
                    mail: mail, database: database)
            }
        }

        /// The meeting `--cancel --occurrence` is about (planned or held that day), with the
        /// cancellation stored as a coordinator's decision unless it already is.
        func cancelled(
            _ date: LocalDate, of target: CollaborationStructure, in meetings: [RegisteredMeeting],
            phrases: Phrasebook, database: any MeetingStore
        ) async throws -> RegisteredMeeting {
            let candidates = meetings.filter { $0.isHeld || $0.state == .cancelled }
            guard let meeting = candidates.first(where: { $0.plannedDate == date }) ?? candidates.first(where: { $0.start.date == date })
            else {
                let near = meetings.filter(\.isHeld).map(\.start.date).sorted { abs($0.days(to: date)) < abs($1.days(to: date)) }
                    .prefix(3).map(\.iso).sorted().joined(separator: ", ")
                throw InvitationError("invitation.no-meeting-on-date", ["structure": target.id, "date": date.iso, "nearest": near])
            }
            if meeting.state != .cancelled {
                try await global.decide(
                    structureID: target.id, date: meeting.plannedDate, action: .cancel,
                    reason: reason ?? phrases.text("cancellation.reason.default"), by: nil, database: database
                ) { _, _ in nil }
            }
            return meeting
        }

        /// `rug.eml` for the series of `rug`, `fredagsgruppen-20250110.eml` for a dated meeting,
        /// `rug-extra-20250821.eml` for an extra one: the UID without the region and domain.
        func fileName(_ uid: String, _ configuration: RegionConfiguration) -> String {
            var name = String(uid.prefix { $0 != "@" })
            let suffix = ".\(configuration.region.id)"
            if name.hasSuffix(suffix) { name.removeLast(suffix.count) }
            return name.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." } + ".eml"
        }

        var isFolder: Bool {
            guard let output else { return false }
            var directory: ObjCBool = false
            return output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &directory) && directory.boolValue)
        }
    }
}
