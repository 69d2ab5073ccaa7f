import Foundation
import SamverkanStore
import Testing

@testable import SamverkanPostgres

/// The triggers of `v9-action-identity` … `v11-organisation-attendance` do in PostgreSQL what their
/// SQLite namesakes do: the same statements, run on both engines, leave the same derived rows.
@Suite("PostgreSQL rules of corrections, signatures and organisation attendance")
struct PostgresSameRulesTests {
    /// A fresh PostgreSQL database and a fresh SQLite one, both fully migrated.
    struct Engines {
        let postgres: PostgresClient
        let sqlite: AppDatabase

        init(_ label: String) async throws {
            postgres = try await PostgresTestDatabase(label).migrated()
            sqlite = try AppDatabase.unsafeInMemory(migratedUpTo: "v1-calendar-series")
            try sqlite.unsafeMigrate()
        }

        /// Runs one statement (no parameters) on both engines.
        func execute(_ sql: String) async throws {
            try await postgres.execute(sql)
            try sqlite.unsafeRawWrite(sql)
        }

        /// The rows of a query on each engine, as text (nil for NULL).
        func rows(_ sql: String) async throws -> (postgres: [[String?]], sqlite: [[String?]]) {
            let postgres = try await postgres.rows(sql).map { row in
                row.map { value -> String? in
                    switch value {
                    case .null: nil
                    case .integer(let number): String(number)
                    case .text(let text): text
                    case .real(let number): String(number)
                    case .blob(let data): data.base64EncodedString()
                    }
                }
            }
            return (postgres, try sqlite.unsafeRawRead(sql))
        }
    }

    static let chain = "SELECT minutes_id, root_id, superseded FROM minutes_chain ORDER BY minutes_id"

    static func minutes(_ id: Int, date: String = "2025-03-13", amends: Int? = nil) -> String {
        """
        INSERT INTO minutes (id, structure_id, meeting_date, created_at, amends_id)
        VALUES (\(id), 'rug', '\(date)', '2025-03-20T10:00:00Z', \(amends.map(String.init) ?? "NULL"))
        """
    }

    static func approve(_ id: Int) -> String {
        """
        UPDATE minutes SET approved_at = '2025-03-2\(id)T10:00:00Z', approved_on = '2025-03-20', approved_by = 'Anna',
        content_hash = 'h' WHERE id = \(id)
        """
    }

    @Test("minutes_chain is kept on plain INSERT, approval and DELETE as in SQLite: the record that counts is the same")
    func chainMaintained() async throws {
        let engines = try await Engines("chain")
        defer { Task { await engines.postgres.close() } }
        // Each step, then the chain it leaves (minutes, root, superseded).
        let steps: [([String], [[String?]])] = [
            ([Self.minutes(1), Self.approve(1)], []),
            // A correction waiting for justering: the approved original counts.
            ([Self.minutes(2, amends: 1)], [["1", "1", "0"], ["2", "1", "1"]]),
            // The correction thrown away: the original alone, counting.
            (["DELETE FROM minutes WHERE id = 2"], [["1", "1", "0"]]),
            // A correction approved counts; a correction of it waiting does not.
            ([Self.minutes(3, amends: 1), Self.approve(3)], [["1", "1", "1"], ["3", "1", "0"]]),
            ([Self.minutes(4, amends: 3)], [["1", "1", "1"], ["3", "1", "0"], ["4", "1", "1"]]),
            // A chain with nothing approved: the latest record counts.
            (
                [Self.minutes(5, date: "2025-04-10"), Self.minutes(6, date: "2025-04-10", amends: 5)],
                [["1", "1", "1"], ["3", "1", "0"], ["4", "1", "1"], ["5", "5", "1"], ["6", "5", "0"]]
            ),
            (
                ["DELETE FROM minutes WHERE id = 4", "DELETE FROM minutes WHERE id = 6"],
                [["1", "1", "1"], ["3", "1", "0"], ["5", "5", "0"]]
            ),
        ]
        for (statements, expected) in steps {
            for sql in statements { try await engines.execute(sql) }
            let (postgres, sqlite) = try await engines.rows(Self.chain)
            #expect(postgres == expected, "\(statements)")
            #expect(postgres == sqlite, "\(statements)")
        }
        // A correction of a correction keeps the first record as its root.
        try await engines.execute(Self.minutes(7, amends: 3))
        #expect(try await engines.rows("SELECT root_id FROM minutes_chain WHERE minutes_id = 7").postgres == [["1"]])
    }

    @Test("an organisation marked present counts in the attendance summary as in SQLite; it is read-only once approved")
    func organisationAttendance() async throws {
        let engines = try await Engines("orgattendance")
        defer { Task { await engines.postgres.close() } }
        let summary = "SELECT id, present_sides, present_organisations FROM minutes ORDER BY id"
        try await engines.execute(Self.minutes(1))
        try await engines.execute(
            "INSERT INTO minutes_attendance (minutes_id, position, person_id, organisation_id, principal, present) VALUES (1, 0, 'bo', 'rh', 'region', 1)"
        )
        try await engines.execute(
            "INSERT INTO minutes_organisation_attendance (minutes_id, position, organisation_id, principal, present, attendee) VALUES (1, 0, 'laholm', 'municipality', 1, 'Eva')"
        )
        try await engines.execute(
            "INSERT INTO minutes_organisation_attendance (minutes_id, position, organisation_id, principal, present) VALUES (1, 1, 'hylte', 'municipality', 0)"
        )
        var rows = try await engines.rows(summary)
        #expect(rows.postgres == [["1", "3", "laholm\u{1F}rh"]])
        #expect(rows.postgres == rows.sqlite)
        try await engines.execute("UPDATE minutes_organisation_attendance SET present = 1 WHERE organisation_id = 'hylte'")
        try await engines.execute("DELETE FROM minutes_organisation_attendance WHERE organisation_id = 'laholm'")
        rows = try await engines.rows(summary)
        #expect(rows.postgres == [["1", "3", "hylte\u{1F}rh"]])
        #expect(rows.postgres == rows.sqlite)

        try await engines.execute(Self.approve(1))
        for sql in [
            "UPDATE minutes_organisation_attendance SET attendee = 'Kalle' WHERE minutes_id = 1",
            "DELETE FROM minutes_organisation_attendance WHERE minutes_id = 1",
            "INSERT INTO minutes_organisation_attendance (minutes_id, position, organisation_id, principal, present) VALUES (1, 2, 'varberg', 'municipality', 1)",
        ] {
            let error = await Self.refusal { try await engines.postgres.execute(sql) }
            #expect(error?.values["detail"]?.contains("approved minutes are read-only") == true, "\(sql): \(String(describing: error))")
        }
        #expect(try await engines.rows(summary).postgres == [["1", "3", "hylte\u{1F}rh"]])
    }

    @Test("signatures are never changed, may be added to and taken from minutes waiting for justering only")
    func signatures() async throws {
        let engines = try await Engines("signatures")
        defer { Task { await engines.postgres.close() } }
        let sign = { (position: Int, name: String) in
            "INSERT INTO minutes_signatures (minutes_id, position, name, signed_on, recorded_at) VALUES (1, \(position), '\(name)', '2025-03-14', 'x')"
        }
        try await engines.postgres.execute(Self.minutes(1))
        try await engines.postgres.execute(sign(0, "Anna"))
        try await engines.postgres.execute(sign(1, "Bo"))
        try await engines.postgres.execute("DELETE FROM minutes_signatures WHERE name = 'Bo'")
        let changed = await Self.refusal { try await engines.postgres.execute("UPDATE minutes_signatures SET signed_on = '2025-03-15'") }
        #expect(changed?.values["detail"]?.contains("signatures are never changed") == true, "\(String(describing: changed))")
        let twice = await Self.refusal { try await engines.postgres.execute(sign(2, "Anna")) }
        #expect(twice?.values["state"] == "23505")
        let empty = await Self.refusal { try await engines.postgres.execute(sign(2, "")) }
        #expect(empty?.values["state"] == "23514")

        try await engines.postgres.execute(Self.approve(1))
        for sql in [sign(1, "Bo"), "DELETE FROM minutes_signatures WHERE minutes_id = 1"] {
            let error = await Self.refusal { try await engines.postgres.execute(sql) }
            #expect(error?.values["detail"]?.contains("approved minutes are read-only") == true, "\(sql): \(String(describing: error))")
        }
        #expect(try await engines.postgres.rows("SELECT name FROM minutes_signatures") == [[.text("Anna")]])
    }

    @Test("the audit log is append-only on both engines: UPDATE, DELETE (and TRUNCATE) refused; a code is a code")
    func auditLog() async throws {
        let engines = try await Engines("audit")
        defer { Task { await engines.postgres.close() } }
        try await engines.execute(
            """
            INSERT INTO audit_log (at, actor_database_user, actor_person, action, target, detail)
            VALUES ('2025-03-20T10:00:00.000Z', 'samordnare', 'anna', 'minutes.signed', 'minutes/1', 'signatures=1')
            """)
        let rows = try await engines.rows("SELECT id, at, actor_database_user, actor_person, action, target, detail FROM audit_log")
        #expect(rows.postgres == rows.sqlite && rows.sqlite.count == 1, "\(rows)")
        for sql in ["UPDATE audit_log SET actor_person = 'bo'", "DELETE FROM audit_log"] {
            let refused = await Self.refusal { try await engines.postgres.execute(sql) }
            #expect(refused?.values["detail"]?.contains("the audit log is append-only") == true, "\(sql): \(String(describing: refused))")
            #expect(performing: { try engines.sqlite.unsafeRawWrite(sql) }, throws: { "\($0)".contains("the audit log is append-only") })
        }
        let truncated = await Self.refusal { try await engines.postgres.execute("TRUNCATE audit_log") }
        #expect(truncated?.values["detail"]?.contains("the audit log is append-only") == true, "\(String(describing: truncated))")
        for bad in ["'Minutes saved'", "''"] {
            let sql = "INSERT INTO audit_log (at, actor_database_user, action, target) VALUES ('x', 'u', \(bad), 'minutes/1')"
            #expect(await Self.refusal { try await engines.postgres.execute(sql) }?.values["state"] == "23514", "\(sql)")
            #expect(throws: (any Error).self) { try engines.sqlite.unsafeRawWrite(sql) }
        }
        // PostgreSQL records the role samverkan connects as when no user is given.
        try await engines.postgres.execute("INSERT INTO audit_log (at, action, target) VALUES ('x', 'db.copied', 'database')")
        #expect(
            try await engines.postgres.rows(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'db.copied' AND actor_database_user = current_user")
                == [[.integer(1)]])
        #expect(try await engines.rows("SELECT COUNT(*) FROM audit_log WHERE actor_person = 'bo'").postgres == [["0"]])
    }

    /// A PostgreSQL database as samverkan left it at `v8-feeds`, before the later migrations.
    static func atV8(_ label: String) async throws -> PostgresClient {
        let client = try await PostgresTestDatabase(label).connect()
        try await client.execute(
            "CREATE TABLE samverkan_migrations (identifier TEXT PRIMARY KEY, position BIGINT NOT NULL UNIQUE, applied_at TEXT NOT NULL)")
        for (index, migration) in PostgresMigration.all.prefix(while: { $0.name != "v9-action-identity" }).enumerated() {
            for statement in migration.statements { try await client.execute(statement) }
            try await client.execute(
                "INSERT INTO samverkan_migrations VALUES ($1, $2, 'x')", [.text(migration.name), .integer(Int64(index + 1))])
        }
        #expect(try await PostgresMigrator.applied(client).last == "v8-feeds")
        return client
    }

    @Test("upgrading from v8-feeds: approvals become the signatures SQLite's backfill gives; corrected minutes are refused")
    func upgradeFromV8() async throws {
        let postgres = try await Self.atV8("upgrade")
        defer { Task { await postgres.close() } }
        let sqlite = try AppDatabase.unsafeInMemory(migratedUpTo: "v8-feeds")
        // One name a line, an empty line and a name given twice among them.
        let approved = """
            INSERT INTO minutes (id, structure_id, meeting_date, created_at, approved_at, approved_on, approved_by, content_hash)
            VALUES (1, 'rug', '2025-03-13', 'x', '2025-03-20T10:00:00Z', '2025-03-20', 'Anna\nBo\n\nAnna\nCe', 'h'), (2, 'rug', '2025-04-10', 'x', NULL, NULL, NULL, NULL)
            """
        try await postgres.execute(approved)
        try sqlite.unsafeRawWrite(approved)
        try await PostgresMigrator.migrate(postgres)
        try sqlite.unsafeMigrate()
        let query = "SELECT minutes_id, position, name, signed_on, recorded_at FROM minutes_signatures ORDER BY minutes_id, position"
        let signatures = try await postgres.rows(query)
        #expect(
            signatures.map { Array($0[1...2]) } == [
                [.integer(0), .text("Anna")], [.integer(1), .text("Bo")], [.integer(3), .text("Ce")],
            ])
        #expect(signatures.count == 3 && signatures.allSatisfy { $0[3] == .text("2025-03-20") && $0[4] == .text("2025-03-20T10:00:00Z") })
        #expect(
            try sqlite.unsafeRawRead(query).map { $0[0...2].compactMap { $0 } } == [
                ["1", "0", "Anna"], ["1", "1", "Bo"], ["1", "3", "Ce"],
            ])

        let corrected = try await Self.atV8("upgrade-corrected")
        defer { Task { await corrected.close() } }
        try await corrected.execute(Self.minutes(1))
        try await corrected.execute(Self.minutes(2, amends: 1))
        let refused = await Self.refusal { try await PostgresMigrator.migrate(corrected) }
        #expect(
            refused?.values["detail"]?.contains("corrected minutes without a correction chain") == true, "\(String(describing: refused))")
        #expect(try await PostgresMigrator.applied(corrected).last == "v8-feeds")
    }

    /// The error of a refused statement.
    static func refusal(_ body: () async throws -> Void) async -> DatabaseAdminError? {
        do { try await body() } catch let error as DatabaseAdminError { return error } catch { return nil }
        return nil
    }
}
