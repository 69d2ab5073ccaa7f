import SamverkanDomain
import SamverkanStore
import SamverkanTime
import Testing

/// A stored row the store cannot read is an error naming table and column, never a default
/// (no 1970 dates, no fallback status) and never the row's values.
@Suite("Rows that cannot be read")
struct CorruptRowTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// Runs raw SQL with the CHECK constraints off, as a program writing around them could.
    static func corrupt(_ db: AppDatabase, _ sql: String, _ arguments: [(any Sendable)?]) throws {
        try db.unsafeRawWrite { connection in
            try connection.execute("PRAGMA ignore_check_constraints = ON")
            try connection.execute(sql, arguments)
            try connection.execute("PRAGMA ignore_check_constraints = OFF")
        }
    }

    /// The error a read throws, checked to name the table and column and to hold no personal data.
    static func expectUnreadable(_ table: String, _ column: String, _ read: () throws -> Void) {
        let error = #expect(throws: StoreError.self) { try read() }
        #expect(error?.code == "store.unreadable")
        #expect(error?.values == ["table": table, "column": column])
        let message = error?.debugSummary ?? ""
        for personal in ["Cia Carlsson", "Bo Berg", "Eva Ek", "Regionens hus", "anna"] {
            #expect(!message.contains(personal), "\(message)")
        }
    }

    @Test("An unknown enum raw value throws a StoreError naming table and column")
    func unknownEnumValue() throws {
        let db = try AppDatabase.inMemory()
        let first = try db.save(MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Ta fram rutin"]))
        let id = try #require(first.id)
        let action = try #require(first.newActions.first?.id)
        try Self.corrupt(db, "UPDATE minutes_attendance SET principal = 'county' WHERE minutes_id = ? AND person_id = 'anna'", [id])
        Self.expectUnreadable("minutes_attendance", "principal") { _ = try db.minutes(id: id) }
        Self.expectUnreadable("minutes_attendance", "principal") { _ = try db.exportArchive() }

        _ = try db.save(MinutesStoreTests.minutes(on: "2025-03-13", followUps: [ActionFollowUp(actionID: action, status: .done)]))
        try Self.corrupt(db, "UPDATE action_follow_ups SET status = 'finished' WHERE action_id = ?", [action])
        Self.expectUnreadable("action_follow_ups", "status") { _ = try db.allActions() }
        Self.expectUnreadable("action_follow_ups", "status") {
            _ = try db.openActions(structureID: "rug", before: Self.day("2025-04-10"))
        }
        try db.unsafeRawWrite("UPDATE minutes_attendance SET principal = 'municipality' WHERE minutes_id = ?", [id])
        try Self.corrupt(db, "UPDATE action_items SET responsible_kind = 'team' WHERE id = ?", [action])
        Self.expectUnreadable("action_items", "responsible_kind") { _ = try db.minutes(id: id) }
    }

    @Test("An unparseable date throws a StoreError instead of reading as 1970")
    func unparseableDate() throws {
        let db = try AppDatabase.inMemory()
        let id = try #require(try db.save(MinutesStoreTests.minutes(on: "2025-02-13", actions: ["Ta fram rutin"])).id)
        try db.unsafeRawWrite("UPDATE minutes SET planned_date = '13/02/2025' WHERE id = ?", [id])
        Self.expectUnreadable("minutes", "planned_date") { _ = try db.minutes(id: id) }
        Self.expectUnreadable("minutes", "planned_date") { _ = try db.listMinutes() }
        Self.expectUnreadable("minutes", "planned_date") {
            _ = try db.history(from: Self.day("2025-01-01"), through: Self.day("2025-12-31"), asOf: Self.day("2025-12-31"))
        }
        try db.unsafeRawWrite("UPDATE minutes SET planned_date = NULL WHERE id = ?", [id])
        #expect(try db.minutes(id: id)?.plannedDate == nil)
        try db.unsafeRawWrite("UPDATE action_items SET due = 'soon' WHERE minutes_id = ?", [id])
        Self.expectUnreadable("action_items", "due") { _ = try db.allActions() }
        Self.expectUnreadable("action_items", "due") {
            _ = try db.history(from: Self.day("2025-01-01"), through: Self.day("2025-12-31"), asOf: Self.day("2025-12-31"))
        }
        try db.unsafeRawWrite("UPDATE minutes SET meeting_date = '2025-02-30' WHERE id = ?", [id])
        Self.expectUnreadable("minutes", "meeting_date") { _ = try db.recordedDates(structureID: "rug") }
        Self.expectUnreadable("minutes", "meeting_date") { _ = try db.search("Hemsjukvården") }
    }

    @Test("A cancelled meeting with a malformed date or a partial approval cannot be read either")
    func cancelledAndApproval() throws {
        let db = try AppDatabase.inMemory()
        try db.cancel(structureID: "rug", date: Self.day("2025-02-13"), reason: "Förhinder")
        try db.unsafeRawWrite("UPDATE meeting_decisions SET meeting_date = '2025-02-30'")
        Self.expectUnreadable("cancelled_meetings", "meeting_date") { _ = try db.exportArchive() }
        Self.expectUnreadable("cancelled_meetings", "meeting_date") {
            _ = try db.history(from: Self.day("2025-01-01"), through: Self.day("2025-12-31"), asOf: Self.day("2025-12-31"))
        }
        let id = try #require(try db.save(MinutesStoreTests.minutes(on: "2025-03-13")).id)
        try Self.corrupt(db, "UPDATE minutes SET approved_at = '2025-03-20T10:00:00Z' WHERE id = ?", [id])
        Self.expectUnreadable("minutes", "approved_at") { _ = try db.minutes(id: id) }
    }
}
