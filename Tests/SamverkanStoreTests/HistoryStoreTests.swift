import Foundation
import Testing
import SamverkanDomain
@testable import SamverkanStore

@Suite("Meeting history for the follow-up reports")
struct HistoryStoreTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static func minutes(_ date: String, _ structure: String = "rug", actions: [String] = [], followUps: [ActionFollowUp] = [],
                        amends: Int64? = nil) -> Minutes {
        MinutesStoreTests.minutes(structure, on: date, actions: actions, followUps: followUps, amends: amends)
    }

    @Test("A meeting's attendance, covered items and approval; a substitute counts as present")
    func record() throws {
        let db = try AppDatabase.inMemory()
        let saved = try db.save(Self.minutes("2025-02-13"))
        _ = try db.approve(id: saved.id!, by: ["Cia Carlsson"], date: Self.day("2025-02-20"))
        let history = try db.history(from: Self.day("2025-01-01"), through: Self.day("2025-12-31"), asOf: Self.day("2025-12-31"))
        let meeting = try #require(history.meetings.first)
        #expect(history.meetings.count == 1)
        #expect(meeting.approvedOn == Self.day("2025-02-20") && meeting.plannedDate == Self.day("2025-02-13"))
        // bo of vc-norr was absent, but Eva Ek came instead.
        #expect(meeting.presentOrganisations == ["halmstad", "vc-norr"])
        #expect(meeting.presentPrincipals == [.municipality, .region])
        #expect(meeting.coveredItems == ["fasta-kontakter"])
    }

    @Test("Amended minutes count once, through the amendment; the period bounds are inclusive")
    func amended() throws {
        let db = try AppDatabase.inMemory()
        let first = try db.save(Self.minutes("2025-03-13"))
        _ = try db.approve(id: first.id!, by: ["Cia Carlsson"], date: Self.day("2025-03-20"))
        var correction = Self.minutes("2025-03-13", amends: first.id)
        correction.agenda = []
        _ = try db.save(correction)
        _ = try db.save(Self.minutes("2025-04-10"))
        _ = try db.save(Self.minutes("2025-05-08"))
        let history = try db.history(from: Self.day("2025-03-13"), through: Self.day("2025-04-10"), asOf: Self.day("2025-04-10"))
        #expect(history.meetings.map(\.date.iso) == ["2025-03-13", "2025-04-10"])
        // The amendment is not approved yet and covers nothing: the current version is what counts.
        #expect(history.meetings[0].approvedOn == nil && history.meetings[0].coveredItems.isEmpty)
    }

    @Test("Cancellations and action items of the period, with the action status on the day asked for")
    func actions() throws {
        let db = try AppDatabase.inMemory()
        let first = try db.save(Self.minutes("2025-02-13", actions: ["Ta fram rutin", "Bjud in kommunerna"]))
        let ids = first.newActions.compactMap(\.id)
        _ = try db.save(Self.minutes("2025-03-13", followUps: [ActionFollowUp(actionID: ids[0], status: .done),
                                                                ActionFollowUp(actionID: ids[1], status: .partly)]))
        _ = try db.save(Self.minutes("2025-04-10", followUps: [ActionFollowUp(actionID: ids[1], status: .done)]))
        try db.cancel(structureID: "rug", date: Self.day("2025-05-08"), reason: "Krock med krisledning")
        let march = try db.history(from: Self.day("2025-01-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-03-31"))
        #expect(march.actions.map(\.status) == [.done, .partly])
        #expect(march.actions.map(\.due.iso) == ["2025-06-30", "2025-06-30"])
        let june = try db.history(from: Self.day("2025-01-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-06-30"))
        #expect(june.actions.map(\.status) == [.done, .done])
        #expect(june.cancellations == [CancellationRecord(structureID: "rug", date: Self.day("2025-05-08"), reason: "Krock med krisledning")])
        // Actions decided before the period are not the period's.
        #expect(try db.history(from: Self.day("2025-03-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-06-30")).actions.isEmpty)
    }

    @Test("The latest follow-up of each action-plan activity up to a day")
    func activities() throws {
        let db = try AppDatabase.inMemory()
        var first = Self.minutes("2025-02-13")
        first.activityFollowUps = [ActivityFollowUp(activityID: "utbildning", status: .started, comment: "Planering pågår")]
        _ = try db.save(first)
        var second = Self.minutes("2025-03-13")
        second.activityFollowUps = [ActivityFollowUp(activityID: "utbildning", status: .done)]
        _ = try db.save(second)
        #expect(try db.activityFollowUps(through: Self.day("2025-03-01")).map(\.status) == [.started])
        let latest = try db.activityFollowUps(through: Self.day("2025-12-31"))
        #expect(latest.count == 1 && latest[0].status == .done && latest[0].date == Self.day("2025-03-13"))
    }
}
