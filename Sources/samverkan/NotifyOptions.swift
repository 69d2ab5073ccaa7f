import ArgumentParser
import Foundation
import SamverkanCalendar
import SamverkanDomain
import SamverkanServer
import SamverkanStore
import SamverkanTime

/// `meeting cancel|move --notify`: send the matching iTIP message to every participant.
struct NotifyOptions: ParsableArguments {
    @Flag(help: HelpWords.help("notify-option.notify"))
    var notify = false

    @OptionGroup var mail: MailOptions

    /// Composes and sends the message about one meeting after its decision was stored: the
    /// CANCEL of the meeting, or the REQUEST of its UID as it now stands (a year ahead from today
    /// or the meeting, whichever is earlier — as `calendar invite` would send it).
    /// - Parameter database: the store the decision was stored in.
    func send(_ options: DecisionOptions, meeting: RegisteredMeeting, cancelled: Bool, database: any MeetingStore) async throws {
        let global = options.global
        let (_, configuration) = try global.loadConfiguration()
        let target = try configuration.structures(withIDs: [options.structure])[0]
        let texts = try global.calendarTexts()
        let exporter = CalendarExporter(configuration: configuration, texts: texts, now: Int(Date().timeIntervalSince1970))
        let from = min(try global.today(), meeting.start.date, meeting.plannedDate)
        let through = LocalDate(year: from.year + 1, month: from.month, day: min(from.day, 28))!.adding(days: -1)
        let meetings = try await global.calendarMeetings(
            database, configuration, structures: [target], from: from,
            through: max(through, meeting.start.date))
        let purpose: InvitationComposer.Purpose
        if cancelled {
            let stored = meetings.all.first { $0.uid == meeting.uid && $0.plannedStart == meeting.plannedStart }
            purpose = .cancelMeeting(stored ?? meeting, reason: options.reason)
        } else {
            purpose = .invite
        }
        let composed = try await InvitationComposer(exporter: exporter).messages(
            for: target, meetings: meetings.window, all: meetings.all, from: from, through: through, purpose: purpose,
            messageID: { _ in "\(UUID().uuidString.lowercased())@samverkan" }
        ) { uid, contentHash in
            try await global.store { try await database.sequence(uid: uid, structureID: target.id, contentHash: contentHash) }
        }.filter { $0.uid == meeting.uid }
        try await global.sendInvitations(
            composed, structureID: target.id, cancel: cancelled, configuration: configuration,
            mail: mail, database: database)
    }
}
