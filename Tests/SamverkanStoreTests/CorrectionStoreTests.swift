import Foundation
import GRDB
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

/// Corrections (`minutes amend`) keep action items' numbers and follow-ups; until a correction
/// of approved minutes is approved, the original counts (migration `v9-action-identity`).
@Suite("Corrections keep identity")
struct CorrectionStoreTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// Approved minutes of 2025-03-13 with two action items, and a later meeting (2025-04-10)
    /// marking the first done and the second partly done.
    static func seeded(_ db: AppDatabase) throws -> (original: Minutes, numbers: [Int64]) {
        let original = try db.save(MinutesStoreTests.minutes(on: "2025-03-13", decisions: ["A"], actions: ["Rutin", "Kontaktperson"]))
        let approved = try db.approve(id: original.id!, by: ["Cia"], date: day("2025-03-18"))
        let numbers = approved.newActions.compactMap(\.id)
        try db.save(laterMeeting(numbers))
        return (approved, numbers)
    }

    /// The minutes of 2025-04-10 following up the two items.
    static func laterMeeting(_ numbers: [Int64]) -> Minutes {
        MinutesStoreTests.minutes(
            on: "2025-04-10",
            followUps: [
                ActionFollowUp(actionID: numbers[0], status: .done),
                ActionFollowUp(actionID: numbers[1], status: .partly, comment: "Två av sex"),
            ])
    }

    /// ``seeded(_:)`` in a store of either engine.
    static func seeded(in db: any MeetingStore) async throws -> (original: Minutes, numbers: [Int64]) {
        let original = try await db.save(
            MinutesStoreTests.minutes(on: "2025-03-13", decisions: ["A"], actions: ["Rutin", "Kontaktperson"]))
        let approved = try await db.approve(id: original.id!, by: ["Cia"], date: day("2025-03-18"))
        let numbers = approved.newActions.compactMap(\.id)
        _ = try await db.save(laterMeeting(numbers))
        return (approved, numbers)
    }

    /// ``seeded(in:)`` and a saved correction of the original that changes the second item's
    /// text and due date.
    static func corrected(in db: any MeetingStore) async throws -> (original: Minutes, numbers: [Int64], saved: Minutes) {
        let (original, numbers) = try await seeded(in: db)
        var correction = correction(of: original)
        correction.newActions[1].text = "Kontaktperson i varje kommun"
        correction.newActions[1].due = day("2025-05-31")
        return (original, numbers, try await db.save(correction))
    }

    /// The correction as `minutes amend` drafts it: the original's content, each item keeping its number.
    static func correction(of original: Minutes) -> Minutes {
        var correction = original
        correction.id = nil
        correction.approval = nil
        correction.amends = original.id
        correction.decisions = original.decisions.map { Decision(number: $0.number, text: $0.text, inherited: true) }
        correction.newActions = original.newActions.map {
            ActionItem(text: $0.text, responsible: $0.responsible, due: $0.due, continues: $0.number)
        }
        return correction
    }

    @Test(
        "A correction keeps the numbers and follow-ups; until it is approved the approved original counts",
        arguments: StoreEngine.allCases)
    func identity(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let (original, numbers, saved) = try await Self.corrected(in: db)
            #expect(saved.newActions.map(\.number) == numbers)
            #expect(saved.newActions.compactMap(\.id) != numbers)
            #expect(try await db.minutes(id: saved.id!)?.newActions == saved.newActions)
            #expect(
                try await db.listMinutes(structureID: "rug", from: nil, through: nil).first { $0.id == original.id }?.correctionPending
                    == true)
            #expect(try await db.pendingCorrectionStructures(through: Self.day("2025-12-31")) == ["rug"])
            #expect(try await db.pendingCorrectionStructures(through: Self.day("2025-03-12")).isEmpty)
            #expect(try await db.pendingMinutes().map(\.id) == [saved.id!, saved.id! - 1])
            #expect(try await db.pendingMinutes().first?.amends == original.id)
            _ = try await db.approve(id: saved.id!, by: ["Cia"], date: Self.day("2025-04-20"))
            #expect(try await db.pendingCorrectionStructures(through: Self.day("2025-12-31")).isEmpty)
            #expect(try await db.listMinutes(structureID: "rug", from: nil, through: nil).first { $0.id == original.id }?.counts == false)
            #expect(try await db.verifyApproved().changed.isEmpty)
            #expect(try await db.verifyApproved().checked.map(\.id) == [original.id, saved.id])
            #expect(saved.actionChanges(from: original) == [ActionChange(number: numbers[1], kind: .changed([.text, .due]))])
        }
    }

    @Test(
        "A correction's actions and reports follow the approved record (SQLite until the action reads are built on PostgreSQL)",
        arguments: MinutesStoreTests.actionEngines)
    func identityInActions(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let (original, numbers, saved) = try await Self.corrected(in: db)
            // Pending: the original's text and due date, the follow-ups as recorded.
            var all = try await db.allActions(structureID: "rug", responsible: nil)
            #expect(all.map(\.item.id) == numbers)
            #expect(all.map(\.status) == [.done, .partly])
            #expect(all[1].item.text == "Kontaktperson")
            #expect(
                try await db.listMinutes(structureID: "rug", from: nil, through: nil).first { $0.id == original.id }?.correctionPending
                    == true)
            var history = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-12-31"), asOf: Self.day("2025-04-30"))
            #expect(history.totals["rug"]?.approvalDays.count == 1)
            #expect(history.totals["rug"]?.actionsDone == 1)
            // Approved: the corrected text and due date, same numbers, same follow-ups.
            _ = try await db.approve(id: saved.id!, by: ["Cia"], date: Self.day("2025-04-20"))
            all = try await db.allActions(structureID: "rug", responsible: nil)
            #expect(all.map(\.item.id) == numbers)
            #expect(all.map(\.status) == [.done, .partly])
            #expect(all[1].item.text == "Kontaktperson i varje kommun")
            #expect(all[1].item.due == Self.day("2025-05-31"))
            #expect(try await db.openActions(structureID: "rug", before: Self.day("2025-05-08")).map(\.item.id) == [numbers[1]])
            history = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-12-31"), asOf: Self.day("2025-04-30"))
            #expect(history.totals["rug"]?.actionsDone == 1)
            #expect(history.totals["rug"]?.actionsCreated == 2)
            #expect(try await db.listMinutes(structureID: "rug", from: nil, through: nil).first { $0.id == original.id }?.counts == false)
            #expect(try await db.verifyApproved().changed.isEmpty)
            // The changes are what `minutes show` lists.
            #expect(saved.actionChanges(from: original) == [ActionChange(number: numbers[1], kind: .changed([.text, .due]))])
        }
    }

    @Test(
        "A correction that changes nothing, or numbers an item the original does not have, is refused",
        arguments: StoreEngine.allCases)
    func refused(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let (original, _) = try await Self.seeded(in: db)
            let unchanged = Self.correction(of: original)
            await #expect { try await db.save(unchanged) } throws: { ($0 as? StoreError)?.code == "minutes.correction-unchanged" }
            var unknown = unchanged
            unknown.newActions[0].continues = 999
            await #expect { try await db.save(unknown) } throws: { ($0 as? StoreError)?.code == "minutes.correction-action-unknown" }
            var missing = unchanged
            missing.amends = 999
            await #expect(throws: StoreError("minutes.not-found", ["id": "999"])) { try await db.save(missing) }
            #expect(try await db.amendments(of: original.id!).isEmpty)
            #expect(try await db.auditLog().map(\.action) == ["minutes.saved", "minutes.approved", "minutes.saved"])
        }
    }

    @Test(
        "A withdrawn item (left out of the approved correction) is no longer an action item",
        arguments: MinutesStoreTests.actionEngines)
    func withdrawn(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let (original, numbers) = try await Self.seeded(in: db)
            var correction = Self.correction(of: original)
            correction.newActions.removeLast()
            let saved = try await db.save(correction)
            #expect(saved.actionChanges(from: original) == [ActionChange(number: numbers[1], kind: .withdrawn)])
            #expect(try await db.allActions(structureID: "rug", responsible: nil).count == 2)
            _ = try await db.approve(id: saved.id!, by: ["Cia"], date: Self.day("2025-04-20"))
            #expect(try await db.allActions(structureID: "rug", responsible: nil).map(\.item.id) == [numbers[0]])
        }
    }

    @Test("Migrating a database corrected before v9 gives the correction's items their numbers back; verify passes")
    func migration() throws {
        let db = try AppDatabase.unsafeInMemory(migratedUpTo: "v8-feeds")
        /// Minutes as the version before v9 saved them: the action items without `continues_id`.
        func save(_ minutes: Minutes) throws -> (Minutes, [Int64]) {
            var bare = minutes
            bare.newActions = []
            var stored = try LegacyDatabase.save(bare, in: db)
            let id = try #require(stored.id)
            var ids: [Int64] = []
            for (position, item) in minutes.newActions.enumerated() {
                try db.unsafeRawWrite(
                    """
                    INSERT INTO action_items (minutes_id, position, structure_id, text, responsible_kind, responsible_id, due)
                    VALUES (?, ?, 'rug', ?, 'person', 'anna', ?)
                    """, [id, position, item.text, item.due.iso])
                ids.append(Int64(try db.unsafeRawRead("SELECT MAX(id) FROM action_items")[0][0]!)!)
            }
            stored.newActions = zip(minutes.newActions, ids).map { item, rowID in
                var kept = item
                kept.id = rowID
                return kept
            }
            return (stored, ids)
        }
        let (original, numbers) = try save(
            MinutesStoreTests.minutes(on: "2025-03-13", decisions: ["A"], actions: ["Rutin", "Kontaktperson"]))
        let originalID = try #require(original.id)
        try LegacyDatabase.approve(original, in: db, paragraph: 1, by: ["Cia"], date: "2025-03-18")
        _ = try save(MinutesStoreTests.minutes(on: "2025-04-10", followUps: [ActionFollowUp(actionID: numbers[0], status: .done)]))
        // As the version before renumbered them: the same items, new ids, no link.
        var old = MinutesStoreTests.minutes(
            on: "2025-03-13", decisions: ["A"], actions: ["Rutin", "Kontaktperson, rättad"], amends: originalID)
        old.newActions[1].due = Self.day("2025-05-31")
        let (correction, renumbered) = try save(old)
        let correctionID = try #require(correction.id)
        try LegacyDatabase.approve(correction, in: db, paragraph: 2, by: ["Cia"], date: "2025-03-25")
        let (mayMinutes, _) = try save(
            MinutesStoreTests.minutes(
                on: "2025-05-08",
                followUps: [
                    ActionFollowUp(actionID: renumbered[0], status: .done), ActionFollowUp(actionID: renumbered[1], status: .partly),
                ]))
        let mayID = try #require(mayMinutes.id)
        try db.unsafeMigrate()
        let all = try db.allActions(structureID: "rug", responsible: nil)
        // The first by its text; the second, whose text changed, by its responsible and due date is not
        // unique either way here (its due date changed): it keeps its own number.
        #expect(all.map(\.item.id) == [numbers[0], renumbered[1]])
        #expect(all.map(\.status) == [.done, .partly])
        #expect(try db.verifyApproved().changed.isEmpty)
        // Drafts and documents name the renumbered item by the number it keeps; correcting the
        // minutes that recorded it that way is still "unchanged".
        let may = try #require(try db.minutes(id: mayID))
        let numbered = try db.withActionNumbers(may)
        #expect(numbered.actionFollowUps.map(\.actionID) == [numbers[0], renumbered[1]])
        var same = numbered
        same.id = nil
        same.amends = mayID
        #expect { try db.save(same) } throws: { ($0 as? StoreError)?.code == "minutes.correction-unchanged" }
        #expect(
            try db.unsafeRawRead("SELECT minutes_id, superseded FROM minutes_chain ORDER BY minutes_id") == [
                [String(originalID), "1"], [String(correctionID), "0"],
            ])
        // Approved rows are read-only again after the backfill.
        #expect(throws: DatabaseError.self) {
            try db.unsafeRawWrite("UPDATE action_items SET continues_id = NULL WHERE minutes_id = ?", [correctionID])
        }
    }
}
