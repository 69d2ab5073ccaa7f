import Foundation
import SamverkanDomain
import SamverkanStore
import SamverkanTestSupport
import SamverkanTime
import Testing

/// `AppDatabase.notifyInput`: what `samverkan notify` reads in one transaction.
@Suite("notify input")
struct NotifyInputTests {
    @Test("Drafts are current, unapproved minutes held since the cut-off, with chair, approvers and signatures; open items only")
    func drafts() throws {
        let db = try TestDatabase.inMemory()
        var waiting = MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Ta fram rutin"])
        waiting.approvers = ["Anna Andersson", "Bo Berg"]
        let saved = try db.save(waiting)
        let signed = try db.sign(
            id: try #require(saved.id), names: ["Anna Andersson"], date: LocalDate(iso: "2025-02-20")!,
            required: ["Cia Carlsson", "Anna Andersson", "Bo Berg"])
        #expect(signed.minutes.approval == nil)
        #expect(signed.justering.missing == ["Cia Carlsson", "Bo Berg"])
        let approved = try db.save(MinutesStoreTests.minutes(on: "2025-03-13"))
        _ = try db.approve(id: try #require(approved.id), by: ["Cia Carlsson"], date: LocalDate(iso: "2025-03-20")!)
        let today = LocalDate(iso: "2025-05-01")!
        let input = try db.notifyInput(
            today: today, from: LocalDate(iso: "2025-02-01")!, through: today,
            heldSince: LocalDate(iso: "2000-01-01")!)
        #expect(input.drafts.map(\.id) == [saved.id])
        #expect(input.drafts.first?.signatories == ["Cia Carlsson", "Anna Andersson", "Bo Berg"])
        #expect(input.drafts.first?.signed == ["Anna Andersson"])
        let held = try db.notifyInput(
            today: today, from: today, through: today, heldSince: LocalDate(iso: "2025-02-01")!,
            heldThrough: LocalDate(iso: "2025-02-12")!)
        #expect(held.drafts.isEmpty)
        #expect(input.drafts.first?.date == LocalDate(iso: "2025-02-13"))
        #expect(input.openActions.map(\.item.text) == ["Ta fram rutin"])
        #expect(input.minutes.count == 2)
        let later = try db.notifyInput(today: today, from: today, through: today, heldSince: LocalDate(iso: "2999-01-01")!)
        #expect(later.drafts.isEmpty)
    }

    @Test("The open items notify reads are exactly allActions without the done ones, with latest status and comment")
    func openItems() throws {
        let db = try TestDatabase.inMemory()
        let first = try db.save(MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Ta fram rutin", "Bjud in kommunerna", "Skriv PM"]))
        let ids = first.newActions.compactMap(\.id)
        try db.save(
            MinutesStoreTests.minutes(
                on: "2025-03-13",
                followUps: [
                    ActionFollowUp(actionID: ids[0], status: .partly, comment: "Utkast finns"),
                    ActionFollowUp(actionID: ids[1], status: .done),
                ]))
        try db.save(MinutesStoreTests.minutes(on: "2025-04-10", followUps: [ActionFollowUp(actionID: ids[0], status: .inProgress)]))
        let today = LocalDate(iso: "2025-05-01")!
        let input = try db.notifyInput(today: today, from: today, through: today, heldSince: today)
        let expected = try db.allActions().filter { $0.status != .done }
        #expect(input.openActions == expected)
        #expect(input.openActions.map(\.item.id) == [ids[0], ids[2]])
        #expect(input.openActions.first?.status == .inProgress)
        #expect(input.openActions.last?.status == .notStarted)
    }
}
