import Foundation
import SamverkanDomain
import SamverkanRendering
import SamverkanTime

/// The meeting a new draft is written for, as the register has it now.
struct DraftedMeeting {
    /// The day the meeting is held (its new day when it was moved).
    let date: LocalDate
    /// Its start, when the register has the meeting (nil for an extra meeting not yet recorded).
    let time: LocalTime?
    /// The day it was planned for, when it was moved to another day.
    let movedFrom: LocalDate?

    init(date: LocalDate, time: LocalTime? = nil, movedFrom: LocalDate? = nil) {
        self.date = date
        self.time = time
        self.movedFrom = movedFrom
    }

    init(_ meeting: RegisteredMeeting) {
        self.init(
            date: meeting.start.date, time: meeting.start.time,
            movedFrom: meeting.state != .extra && meeting.plannedDate != meeting.start.date ? meeting.plannedDate : nil)
    }
}

extension MinutesEnvironment {
    /// The meeting `minutes new|template` write a draft for: the one on `date` (held or planned
    /// that day; a moved meeting at its new day), or the latest one without minutes.
    /// - Throws: ``CLIError`` when there is no meeting without minutes; a cancelled meeting is
    ///   refused with the command that restores it.
    func draftedMeeting(of structure: CollaborationStructure, date: LocalDate?, today: LocalDate) async throws -> DraftedMeeting {
        if let date {
            return try await meeting(of: structure, on: date).map(DraftedMeeting.init) ?? DraftedMeeting(date: date)
        }
        if let meeting = try await latestUnrecorded(of: structure, today: today) { return DraftedMeeting(meeting) }
        throw CLIError("minutes.no-unrecorded-meeting", ["structure": structure.id, "today": today.iso])
    }

    /// The empty draft of a meeting; a moved meeting's draft says in a comment under its date
    /// which day it was planned for.
    func blankDraft(context: MinutesDraftContext, meeting: DraftedMeeting) throws -> String {
        let draft = MinutesDraft.render(
            template: try template("minutes.md"), context: context,
            minutes: MinutesDraft.blank(context: context, date: meeting.date, time: meeting.time))
        guard let planned = meeting.movedFrom else { return draft }
        let line = "\n\(phrases.text("minutes.field.date")): \(meeting.date.iso)\n"
        let note = "<!-- \(phrases.text("minutes.draft.moved", ["date": meeting.date.iso, "planned": planned.iso])) -->\n"
        guard let range = draft.range(of: line) else { return note + draft }
        return draft.replacingCharacters(in: range, with: line + note)
    }
}
