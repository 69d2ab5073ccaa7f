import Foundation
import GRDB
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

@Suite("Summary columns of minutes")
struct MinutesSummaryTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// The three summary columns of minutes, ids separated by "|" for reading.
    static func summary(_ db: AppDatabase, _ id: Int64) throws -> String {
        let row = try #require(
            try db.unsafeRawRead(
                """
                SELECT present_sides, present_organisations, covered_items FROM minutes WHERE id = ?
                """, [id]
            ).first)
        // Sorted here: SQLite does not promise the order of group_concat, and counting does not need it.
        let lists = try [row[1], row[2]].map { try #require($0).split(separator: "\u{1F}").sorted().joined(separator: "|") }
        return "\(try #require(row[0])) \(lists[0]) \(lists[1])"
    }

    @Test("Saving minutes fills the summary; any later change of an attendance or agenda row recomputes it")
    func triggers() throws {
        let db = try TestDatabase.inMemory()
        var minutes = MinutesStoreTests.minutes(on: "2025-02-13")
        minutes.attendance.append(Attendance(personID: "cia", organisationID: "halmstad", principal: .municipality, present: true))
        minutes.agenda.append(AgendaCoverage(itemID: "utskrivning", covered: false))
        minutes.agenda.append(AgendaCoverage(itemID: "avvikelser", covered: true))
        let id = try #require(try db.save(minutes).id)
        // bo of vc-norr is absent but has a substitute; two people of halmstad count once.
        #expect(try Self.summary(db, id) == "3 halmstad|vc-norr avvikelser|fasta-kontakter")
        try db.unsafeRawWrite { db in
            try db.execute("UPDATE minutes_attendance SET substitute = NULL WHERE minutes_id = ? AND person_id = 'bo'", [id])
            try db.execute("UPDATE minutes_agenda SET covered = 1 WHERE minutes_id = ? AND agenda_item_id = 'utskrivning'", [id])
        }
        #expect(try Self.summary(db, id) == "2 halmstad avvikelser|fasta-kontakter|utskrivning")
        try db.unsafeRawWrite { db in
            try db.execute("DELETE FROM minutes_attendance WHERE minutes_id = ? AND organisation_id = 'halmstad'", [id])
            try db.execute("DELETE FROM minutes_agenda WHERE minutes_id = ?", [id])
        }
        #expect(try Self.summary(db, id) == "0  ")
    }

    @Test("Approved minutes keep their summary and stay read-only")
    func approved() throws {
        let db = try TestDatabase.inMemory()
        let id = try #require(try db.save(MinutesStoreTests.minutes(on: "2025-02-13")).id)
        _ = try db.approve(id: id, by: ["Cia Carlsson"], date: Self.day("2025-02-20"))
        #expect(throws: DatabaseError.self) {
            try db.unsafeRawWrite("UPDATE minutes_agenda SET covered = 0 WHERE minutes_id = ?", [id])
        }
        #expect(throws: DatabaseError.self) {
            try db.unsafeRawWrite("UPDATE minutes SET covered_items = '' WHERE id = ?", [id])
        }
        #expect(try Self.summary(db, id) == "3 halmstad|vc-norr fasta-kontakter")
    }

    @Test("Migrating a database from before the summary fills it for every minutes, approved ones included")
    func migration() throws {
        let db = try AppDatabase.unsafeInMemory(migratedUpTo: "v2-minutes")
        // Saved as that version did (no audit log yet).
        let approvedID = try #require(try LegacyDatabase.save(MinutesStoreTests.minutes(on: "2025-02-13"), in: db).id)
        try db.unsafeRawWrite(
            """
            UPDATE minutes SET approved_at = '2025-02-20T10:00:00Z', approved_on = '2025-02-20', approved_by = 'Cia Carlsson',
                               content_hash = 'x' WHERE id = ?
            """, [approvedID])
        var second = MinutesStoreTests.minutes(on: "2025-03-13")
        second.attendance[0].present = false
        second.agenda = []
        _ = try LegacyDatabase.save(second, in: db)
        try db.unsafeMigrate()
        #expect(try Self.summary(db, approvedID) == "3 halmstad|vc-norr fasta-kontakter")
        #expect(try Self.summary(db, approvedID + 1) == "1 vc-norr ")
        // The read-only trigger is back after the backfill.
        #expect(throws: DatabaseError.self) {
            try db.unsafeRawWrite("UPDATE minutes SET place = 'Annat' WHERE id = ?", [approvedID])
        }
        let history = try db.history(from: Self.day("2025-01-01"), through: Self.day("2025-12-31"), asOf: Self.day("2025-12-31"))
        #expect(history.totals["rug"]?.covered == ["fasta-kontakter": 1])
        #expect(history.totals["rug"]?.sidesPresent == [[.region, .municipality]: 1, [.region]: 1])
        #expect(history.totals["rug"]?.organisationsPresent == ["halmstad": 1, "vc-norr": 2])
    }

    @Test(
        "An action's status is its latest follow-up by meeting day, then by minutes; an amended follow-up no longer counts",
        arguments: MinutesStoreTests.actionEngines)
    func latestFollowUp(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let first = try await db.save(MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Ta fram rutin", "Bjud in kommunerna"]))
            let ids = first.newActions.compactMap(\.id)
            // Recorded in this order, but the April meeting is the later one.
            _ = try await db.save(
                MinutesStoreTests.minutes(on: "2025-04-10", followUps: [ActionFollowUp(actionID: ids[0], status: .inProgress)]))
            _ = try await db.save(MinutesStoreTests.minutes(on: "2025-03-13", followUps: [ActionFollowUp(actionID: ids[0], status: .done)]))
            // Two meetings of different structures on one day: the later recorded one wins.
            _ = try await db.save(
                MinutesStoreTests.minutes("fredag", on: "2025-05-08", followUps: [ActionFollowUp(actionID: ids[1], status: .inProgress)]))
            let may = try await db.save(
                MinutesStoreTests.minutes(on: "2025-05-08", followUps: [ActionFollowUp(actionID: ids[1], status: .done)]))
            let period = (from: Self.day("2025-01-01"), through: Self.day("2025-06-30"))
            func counts(asOf: String) async throws -> [Int?] {
                let totals = try await db.history(from: period.from, through: period.through, asOf: Self.day(asOf)).totals["rug"]
                return [totals?.actionsCreated, totals?.actionsDone, totals?.actionsOverdue]
            }
            #expect(try await counts(asOf: "2025-03-31") == [2, 1, 0])
            #expect(try await counts(asOf: "2025-05-31") == [2, 1, 0])
            #expect(try await counts(asOf: "2025-07-15") == [2, 1, 1])
            // Amending the May minutes without the follow-up leaves the item in progress.
            _ = try await db.save(MinutesStoreTests.minutes(on: "2025-05-08", amends: may.id))
            #expect(try await counts(asOf: "2025-05-31") == [2, 0, 0])
            #expect(try await counts(asOf: "2025-07-15") == [2, 0, 2])
        }
    }
}

extension MinutesSummaryTests {
    @Test(
        "A follow-up at minutes of an earlier meeting, written later, does not count for an item decided after it",
        arguments: MinutesStoreTests.actionEngines)
    func backDatedFollowUp(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let decided = try await db.save(MinutesStoreTests.minutes(on: "2025-03-13", actions: ["Ta fram rutin"]))
            let id = try #require(decided.newActions.first?.id)
            _ = try await db.save(MinutesStoreTests.minutes(on: "2025-03-01", followUps: [ActionFollowUp(actionID: id, status: .done)]))
            #expect(try await db.allActions().map(\.status) == [.notStarted])
            let history = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-06-30"))
            #expect(history.totals["rug"]?.actionsDone == 0)
            // At a later meeting it does.
            _ = try await db.save(MinutesStoreTests.minutes(on: "2025-04-10", followUps: [ActionFollowUp(actionID: id, status: .done)]))
            #expect(try await db.allActions().map(\.status) == [.done])
            #expect(
                try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-06-30")).totals[
                    "rug"]?
                    .actionsDone == 1)
        }
    }
}

extension MinutesSummaryTests {
    @Test("INSERT OR REPLACE and moving a row to other minutes keep both summaries right")
    func replaceAndMove() throws {
        let db = try TestDatabase.inMemory()
        let first = try #require(try db.save(MinutesStoreTests.minutes(on: "2025-02-13")).id)
        let second = try #require(try db.save(MinutesStoreTests.minutes(on: "2025-03-13")).id)
        try db.unsafeRawWrite { db in
            // anna of halmstad was there; replaced by a row saying she was not.
            try db.execute(
                """
                INSERT OR REPLACE INTO minutes_attendance (minutes_id, position, person_id, organisation_id, principal, present)
                VALUES (?, 0, 'anna', 'halmstad', 'municipality', 0)
                """, [first])
            try db.execute(
                """
                INSERT OR REPLACE INTO minutes_agenda (minutes_id, position, agenda_item_id, covered) VALUES (?, 0, 'fasta-kontakter', 0)
                """, [first])
        }
        #expect(try Self.summary(db, first) == "1 vc-norr ")
        try db.unsafeRawWrite { db in
            try db.execute("DELETE FROM minutes_agenda WHERE minutes_id = ?", [first])
            try db.execute("UPDATE minutes_agenda SET minutes_id = ? WHERE minutes_id = ?", [first, second])
        }
        #expect(try Self.summary(db, first) == "1 vc-norr fasta-kontakter")
        #expect(try Self.summary(db, second) == "3 halmstad|vc-norr ")
    }

    @Test("A follow-up at another meeting on the day the item was decided counts", arguments: MinutesStoreTests.actionEngines)
    func sameDayFollowUp(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let decided = try await db.save(MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Ta fram rutin"]))
            let id = try #require(decided.newActions.first?.id)
            _ = try await db.save(
                MinutesStoreTests.minutes("fredag", on: "2025-02-13", followUps: [ActionFollowUp(actionID: id, status: .done)]))
            #expect(try await db.allActions().map(\.status) == [.done])
            let history = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-06-30"))
            #expect(history.totals["rug"]?.actionsDone == 1)
        }
    }

    @Test("Of a chain of amendments only the last counts", arguments: MinutesStoreTests.actionEngines)
    func amendmentChain(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            let first = try await db.save(MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Ta fram rutin"]))
            var second = MinutesStoreTests.minutes(on: "2025-02-13", amends: first.id)
            second.agenda = []
            let middle = try await db.save(second)
            var third = MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Bjud in kommunerna", "Skriv rutin"], amends: middle.id)
            third.attendance[0].present = false
            _ = try await db.save(third)
            let history = try await db.history(from: Self.day("2025-01-01"), through: Self.day("2025-06-30"), asOf: Self.day("2025-06-30"))
            let totals = try #require(history.totals["rug"])
            #expect(history.meetings.count == 1 && totals.meetings == 1)
            #expect(totals.covered == ["fasta-kontakter": 1] && totals.sidesPresent == [[.region]: 1] && totals.actionsCreated == 2)
        }
    }

    @Test("Reading the action tables through or looking them up per meeting gives the same totals")
    func scanOrSeek() throws {
        let db = try TestDatabase.inMemory()
        var previous: [Int64] = []
        for (index, date) in ["2024-11-14", "2025-01-16", "2025-02-13", "2025-03-13", "2025-04-10", "2025-08-14"].enumerated() {
            let followUps = previous.enumerated().map { ActionFollowUp(actionID: $1, status: ($0 + index) % 3 == 0 ? .done : .partly) }
            let saved = try db.save(
                MinutesStoreTests.minutes(on: date, actions: ["Åtgärd \(index)", "Annan \(index)"], followUps: followUps))
            previous = saved.newActions.compactMap(\.id)
        }
        for (from, through, asOf) in [
            ("2025-01-01", "2025-06-30", "2025-06-30"), ("2025-01-01", "2025-03-31", "2025-12-31"),
            ("2024-01-01", "2025-12-31", "2025-03-01"),
        ] {
            let totals = try [true, false].map { scanning in
                try db.history(from: Self.day(from), through: Self.day(through), asOf: Self.day(asOf), scanning: scanning).totals["rug"]
            }
            #expect(totals[0] == totals[1], "\(from)…\(through) as of \(asOf)")
            #expect((totals[0]?.actionsCreated ?? 0) > 0)
        }
    }
}
