import Foundation
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

/// `AppDatabase.notifyInput`: what `samverkan notify` reads in one transaction.
@Suite("notify input")
struct NotifyInputTests {
    @Test(
        "Drafts are current, unapproved minutes held since the cut-off, with chair, approvers and signatures; open items only",
        arguments: StoreEngine.allCases)
    func drafts(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            var waiting = MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Ta fram rutin"])
            waiting.approvers = ["Anna Andersson", "Bo Berg"]
            let saved = try await db.save(waiting)
            let signed = try await db.sign(
                id: try #require(saved.id), names: ["Anna Andersson"], date: LocalDate(iso: "2025-02-20")!,
                required: ["Cia Carlsson", "Anna Andersson", "Bo Berg"])
            #expect(signed.minutes.approval == nil)
            #expect(signed.justering.missing == ["Cia Carlsson", "Bo Berg"])
            let approved = try await db.save(MinutesStoreTests.minutes(on: "2025-03-13"))
            _ = try await db.approve(id: try #require(approved.id), by: ["Cia Carlsson"], date: LocalDate(iso: "2025-03-20")!)
            let today = LocalDate(iso: "2025-05-01")!
            let input = try await db.notifyInput(
                today: today, from: LocalDate(iso: "2025-02-01")!, through: today,
                heldSince: LocalDate(iso: "2000-01-01")!, heldThrough: nil)
            #expect(input.drafts.map(\.id) == [saved.id])
            #expect(input.drafts.first?.signatories == ["Cia Carlsson", "Anna Andersson", "Bo Berg"])
            #expect(input.drafts.first?.signed == ["Anna Andersson"])
            let held = try await db.notifyInput(
                today: today, from: today, through: today, heldSince: LocalDate(iso: "2025-02-01")!,
                heldThrough: LocalDate(iso: "2025-02-12")!)
            #expect(held.drafts.isEmpty)
            #expect(input.drafts.first?.date == LocalDate(iso: "2025-02-13"))
            #expect(input.openActions.map(\.item.text) == ["Ta fram rutin"])
            #expect(input.minutes.count == 2)
            let later = try await db.notifyInput(
                today: today, from: today, through: today, heldSince: LocalDate(iso: "2999-01-01")!, heldThrough: nil)
            #expect(later.drafts.isEmpty)
        }
    }

    @Test(
        "The open items notify reads are exactly allActions without the done ones, with latest status and comment",
        arguments: StoreEngine.allCases)
    func openItems(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let first = try await db.save(
                MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Ta fram rutin", "Bjud in kommunerna", "Skriv PM"]))
            let ids = first.newActions.compactMap(\.id)
            _ = try await db.save(
                MinutesStoreTests.minutes(
                    on: "2025-03-13",
                    followUps: [
                        ActionFollowUp(actionID: ids[0], status: .partly, comment: "Utkast finns"),
                        ActionFollowUp(actionID: ids[1], status: .done),
                    ]))
            _ = try await db.save(
                MinutesStoreTests.minutes(on: "2025-04-10", followUps: [ActionFollowUp(actionID: ids[0], status: .inProgress)]))
            let today = LocalDate(iso: "2025-05-01")!
            let input = try await db.notifyInput(today: today, from: today, through: today, heldSince: today, heldThrough: nil)
            let expected = try await db.allActions().filter { $0.status != .done }
            #expect(input.openActions == expected)
            #expect(input.openActions.map(\.item.id) == [ids[0], ids[2]])
            #expect(input.openActions.first?.status == .inProgress)
            #expect(input.openActions.last?.status == .notStarted)
        }
    }

    /// Thirty weekly meetings of two structures from 2024-01-04 with action items and random
    /// follow-ups (comments on some), most approved; corrections of some approved minutes (every
    /// other one approved, the rest waiting), which mark the original's followed-up items done; and
    /// minutes of an earlier meeting written late, marking the last items done. Returns the day
    /// after the last meeting.
    static func generatedHistory(_ db: any MeetingStore) async throws -> LocalDate {
        var seed: UInt64 = 42
        func roll(_ range: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(range))
        }
        let statuses: [ActionStatus] = [.notStarted, .inProgress, .partly, .done]
        var numbers: [Int64] = []
        var approved: [Minutes] = []
        var date = LocalDate(iso: "2024-01-04")!
        for meeting in 0..<30 {
            let structure = meeting % 3 == 0 ? "grupp-halmstad" : "rug"
            var followUps: [ActionFollowUp] = []
            for number in Set((0..<min(numbers.count, 4)).map { _ in numbers[roll(numbers.count)] }).sorted() {
                followUps.append(
                    ActionFollowUp(actionID: number, status: statuses[roll(4)], comment: roll(2) == 0 ? "" : "Kommentar \(meeting)"))
            }
            let saved = try await db.save(
                MinutesStoreTests.minutes(
                    structure, on: date.iso, actions: (0..<(1 + roll(3))).map { "Uppdrag \(meeting)-\($0)" }, followUps: followUps))
            numbers += saved.newActions.compactMap(\.id)
            if roll(4) != 0 {
                approved.append(try await db.approve(id: try #require(saved.id), by: ["Cia Carlsson"], date: date.adding(days: 5)))
            }
            date = date.adding(days: 7)
        }
        // Corrections of approved minutes: some approved (they count), some waiting (the original counts).
        for (index, original) in approved.enumerated() where index % 4 == 1 {
            var correction = CorrectionStoreTests.correction(of: original)
            correction.newActions = correction.newActions.map {
                var item = $0
                item.text += " (rättad)"
                return item
            }
            correction.actionFollowUps = original.actionFollowUps.map { ActionFollowUp(actionID: $0.actionID, status: .done) }
            let saved = try await db.save(correction)
            if index % 8 == 1 { _ = try await db.approve(id: try #require(saved.id), by: ["Cia Carlsson"], date: date) }
        }
        // Minutes of an earlier meeting written late, following up items decided after it.
        _ = try await db.save(
            MinutesStoreTests.minutes(
                "grupp-halmstad", on: "2023-12-01",
                followUps: numbers.suffix(3).map { ActionFollowUp(actionID: $0, status: .done, comment: "För tidigt") }))
        return date
    }

    @Test(
        "On a generated history with corrections, follow-ups and late minutes, notify's open items are allActions without the done ones",
        arguments: StoreEngine.allCases)
    func openItemsGenerated(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let today = try await Self.generatedHistory(db)
            let open = try await db.notifyInput(today: today, from: today, through: today, heldSince: today, heldThrough: nil).openActions
            let expected = try await db.allActions().filter { $0.status != .done }
            #expect(open == expected)
            #expect(open.count > 5)
            #expect(open.contains { $0.status == .partly && !$0.comment.isEmpty })
            #expect(open.contains { $0.item.text.hasSuffix("(rättad)") })
            #expect(open.contains { $0.status == .notStarted })
        }
    }

    @Test(
        "On the generated history the report's action totals per structure, read through or per meeting, match allActions",
        arguments: StoreEngine.allCases)
    func reportActionsGenerated(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let end = try await Self.generatedHistory(db)
            let from = LocalDate(iso: "2024-01-01")!
            let actions = try await db.allActions()
            var readings = [("as the store chooses", try await db.history(from: from, through: end, asOf: end).totals)]
            if let sqlite = db as? AppDatabase {
                for scanning in [true, false] {
                    readings.append(
                        ("scanning \(scanning)", try sqlite.history(from: from, through: end, asOf: end, scanning: scanning).totals))
                }
            }
            for (scanning, totals) in readings {
                for structure in ["rug", "grupp-halmstad"] {
                    let decided = actions.filter { $0.structureID == structure && $0.decidedOn >= from }
                    let done = decided.filter { $0.status == .done }.count
                    #expect(totals[structure]?.actionsCreated == decided.count, "\(structure), \(scanning)")
                    #expect(totals[structure]?.actionsDone == done, "\(structure), \(scanning)")
                    #expect(totals[structure]?.actionsOverdue == decided.filter { $0.status != .done && $0.item.due < end }.count)
                    #expect(decided.count > done && done > 0)
                }
            }
        }
    }
}
