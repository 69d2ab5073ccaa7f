import Foundation
import SamverkanPostgres
import Testing

/// The rules the PostgreSQL schema enforces itself, whatever program writes.
@Suite("PostgreSQL schema rules")
struct PostgresRulesTests {
    /// Inserts minutes of RUG on a date with one attendee and returns their id.
    func insertMinutes(_ client: PostgresClient, date: String, structure: String = "rug") async throws -> Int64 {
        let rows = try await client.rows(
            "INSERT INTO minutes (structure_id, meeting_date, created_at) VALUES ($1, $2, '2025-03-20T10:00:00Z') RETURNING id",
            [.text(structure), .text(date)])
        guard case .integer(let id) = rows.first?.first else { throw DatabaseAdminError("test.no-id") }
        return id
    }

    /// The code and detail of a refused statement.
    func refusal(_ body: () async throws -> Void) async -> DatabaseAdminError? {
        do { try await body() } catch let error as DatabaseAdminError { return error } catch { return nil }
        return nil
    }

    @Test("approved minutes and their parts are read-only in the database; drafts are not; summaries follow attendance")
    func approvedReadOnly() async throws {
        let client = try await PostgresTestDatabase("readonly").migrated()
        defer { Task { await client.close() } }
        let id = try await insertMinutes(client, date: "2025-03-13")
        try await client.execute(
            "INSERT INTO minutes_attendance (minutes_id, position, person_id, organisation_id, principal, present) VALUES ($1, 1, 'anna', 'halmstad', 'municipality', 1)",
            [.integer(id)])
        try await client.execute(
            "INSERT INTO minutes_attendance (minutes_id, position, person_id, organisation_id, principal, present) VALUES ($1, 2, 'bo', 'rh', 'region', 1)",
            [.integer(id)])
        let summary = try await client.rows("SELECT present_sides, present_organisations FROM minutes WHERE id = $1", [.integer(id)])
        #expect(summary.first == [.integer(3), .text("halmstad\u{1F}rh")])
        try await client.execute("UPDATE minutes SET place = 'Halmstad' WHERE id = $1", [.integer(id)])
        try await client.execute(
            "UPDATE minutes SET approved_at = 'a', approved_on = '2025-03-20', approved_by = 'x', content_hash = 'h' WHERE id = $1",
            [.integer(id)])

        for sql in [
            "UPDATE minutes SET place = 'Varberg' WHERE id = $1",
            "DELETE FROM minutes WHERE id = $1",
            "UPDATE minutes_attendance SET present = 0 WHERE minutes_id = $1",
            "DELETE FROM minutes_attendance WHERE minutes_id = $1",
            "INSERT INTO minutes_items (minutes_id, position, title) VALUES ($1, 1, 'Efteråt')",
            "INSERT INTO decisions (minutes_id, position, structure_id, year, number, text) VALUES ($1, 1, 'rug', 2025, 9, 'x')",
        ] {
            let error = await refusal { try await client.execute(sql, [.integer(id)]) }
            #expect(error?.code == "db.statement-failed", "\(sql)")
            #expect(error?.values["detail"]?.contains("approved minutes are read-only") == true, "\(sql): \(String(describing: error))")
        }
        let place = try await client.rows(
            "SELECT place, (SELECT COUNT(*) FROM minutes_attendance WHERE minutes_id = $1) FROM minutes WHERE id = $1", [.integer(id)])
        #expect(place.first == [.text("Halmstad"), .integer(2)])
    }

    @Test("CHECK constraints and foreign keys hold: half an approval, an unknown status, a follow-up of no action")
    func constraints() async throws {
        let client = try await PostgresTestDatabase("checks").migrated()
        defer { Task { await client.close() } }
        let id = try await insertMinutes(client, date: "2025-03-13")
        for (sql, state) in [
            ("UPDATE minutes SET approved_at = 'a' WHERE id = $1", "23514"),
            ("INSERT INTO activity_follow_ups (minutes_id, position, activity_id, status) VALUES ($1, 1, 'a', 'halfway')", "23514"),
            ("INSERT INTO action_follow_ups (minutes_id, position, action_id, status) VALUES ($1, 1, 999, 'done')", "23503"),
            ("INSERT INTO minutes (structure_id, meeting_date, created_at) SELECT 'rug', '2025-03-13', 'x' WHERE $1::bigint > 0", "23505"),
        ] {
            let error = await refusal { try await client.execute(sql, [.integer(id)]) }
            #expect(error?.values["state"] == state, "\(sql): \(String(describing: error))")
        }
        let error = await refusal {
            try await client.execute(
                "INSERT INTO meeting_decisions (structure_id, meeting_date, action, new_start, reason, decided_at) VALUES ('rug', '2025-03-13', 'move', '2025-3-14 10:00', 'x', 'y')"
            )
        }
        #expect(error?.values["state"] == "23514")
    }

    @Test("16 connections approving at once each get their own § number: none duplicated, none skipped")
    func concurrentParagraphNumbers() async throws {
        let database = try PostgresTestDatabase("paragraphs")
        let setup = try await database.migrated()
        await setup.close()
        let numbers = try await withThrowingTaskGroup(of: Int64.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    let client = try await database.connect()
                    defer { Task { await client.close() } }
                    let date = String(format: "2026-%02d-%02d", writer / 8 + 1, writer % 8 + 10)
                    var attempts = 0
                    while true {
                        attempts += 1
                        do {
                            return try await client.transaction { client in
                                let id = try await insertMinutes(client, date: date)
                                let rows = try await client.rows(
                                    """
                                    INSERT INTO decisions (minutes_id, position, structure_id, year, number, text)
                                    SELECT $1, 1, 'rug', 2026, COALESCE(MAX(number), 0) + 1, 'Beslut'
                                    FROM decisions WHERE structure_id = 'rug' AND year = 2026 AND inherited = 0
                                    RETURNING number
                                    """, [.integer(id)])
                                guard case .integer(let number) = rows.first?.first else { throw DatabaseAdminError("test.no-number") }
                                return number
                            }
                        } catch let error as DatabaseAdminError where error.values["state"] == "23505" && attempts < 200 {
                            continue  // another approval took the number first: the index refused this one
                        }
                    }
                }
            }
            var numbers: [Int64] = []
            for try await number in group { numbers.append(number) }
            return numbers
        }
        #expect(numbers.sorted() == Array(1...16))
        let client = try await database.connect()
        defer { Task { await client.close() } }
        let stored = try await client.rows("SELECT number FROM decisions WHERE structure_id = 'rug' AND year = 2026 ORDER BY number")
        #expect(stored.map { $0.first } == (1...16).map { SQLValue.integer(Int64($0)) })
    }
}
