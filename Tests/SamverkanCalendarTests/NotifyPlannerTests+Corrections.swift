import Foundation
import SamverkanCalendar
import SamverkanConfig
import SamverkanDomain
import SamverkanRendering
import SamverkanTestSupport
import SamverkanTime
import Testing

/// The approval reminders of `samverkan notify` count as `minutes pending` does: minutes from the
/// day of the meeting, a correction from the day it was saved.
extension NotifyPlannerTests {
    func due(_ draft: NotifyInput.Draft, on today: String) -> [NotifyPlanner.Due] {
        planner(today).due(NotifyInput(meetings: [], openActions: [], minutes: [], drafts: [draft])) { "id" }
    }

    @Test("A correction of January minutes saved on 2025-06-02 is reminded of from 2025-06-17, saying since when it waits")
    func correctionWaitsFromSaving() throws {
        let correction = NotifyInput.Draft(
            id: 9, structureID: "rug", date: LocalDate(iso: "2025-01-16")!, recordedOn: LocalDate(iso: "2025-06-02")!,
            signatories: ["socialchef-halmstad"], amends: 7)
        #expect(correction.waitingSince == LocalDate(iso: "2025-06-02"))
        #expect(due(correction, on: "2025-06-16").isEmpty)
        let reminder = try #require(due(correction, on: "2025-06-17").first)
        #expect(reminder.sending.item == "#9/1")
        #expect(
            reminder.message.text.contains("2025-01-16 (#9, rättelse av #7), 15 dagar sedan rättelsen sparades 2025-06-02."),
            "\(reminder.message.text)")
        // The same minutes as an original wait from the meeting: long past the last round, never reminded.
        var original = correction
        original.amends = nil
        #expect(original.waitingSince == LocalDate(iso: "2025-01-16"))
        #expect(due(original, on: "2025-06-17").isEmpty)
        #expect(due(original, on: "2025-01-31").first?.message.text.contains("(#9), 15 dagar sedan mötet.") == true)
    }
}
