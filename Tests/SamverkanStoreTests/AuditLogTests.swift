import Foundation
import SamverkanDomain
import SamverkanTestSupport
import SamverkanTime
import Testing

@testable import SamverkanStore

/// The audit log (migration `v12-audit`): one row for each write, in the write's transaction,
/// append-only in the database itself.
@Suite("Audit log")
struct AuditLogTests {
    typealias Fixture = MinutesStoreTests

    /// The raw rows: action, target, detail, person and database user (nil for NULL).
    static func rows(_ db: AppDatabase) throws -> [[String?]] {
        try db.unsafeRawRead("SELECT action, target, detail, actor_person, actor_database_user FROM audit_log ORDER BY id")
    }

    /// The rows through the store API: action, target, detail, person and database user.
    static func entries(_ db: any MeetingStore) async throws -> [[String?]] {
        try await db.auditLog().map { [$0.action, $0.target, $0.detail, $0.person, $0.databaseUser] }
    }

    /// The database user an engine records: the operating-system user, or PostgreSQL's `current_user`.
    static func databaseUser(_ engine: StoreEngine) throws -> String {
        engine == .sqlite ? AuditActor.databaseUser : try PostgresCluster.shared().role
    }

    @Test(
        "Each write of minutes leaves exactly one row: saved, amended, signed, approved; by the person given, if any",
        arguments: StoreEngine.allCases)
    func minutesWrites(engine: StoreEngine) async throws {
        let user = try Self.databaseUser(engine)
        #expect(!user.isEmpty)
        try await engine.withEmptyStore { db in
            let saved = try await db.save(Fixture.minutes(on: "2025-02-13", decisions: ["Beslut"]))
            #expect(try await Self.entries(db) == [["minutes.saved", "minutes/1", nil, nil, user]])
            let anna = db.acting(as: "anna")
            _ = try await anna.sign(
                id: 1, names: ["Anna Andersson"], date: Fixture.day("2025-02-14"), required: SignatureStoreTests.required)
            #expect(try await Self.entries(db).last == ["minutes.signed", "minutes/1", "signatures=1", "anna", user])
            _ = try await anna.sign(id: 1, names: ["Cia Carlsson"], date: Fixture.day("2025-02-15"), required: SignatureStoreTests.required)
            #expect(try await Self.entries(db).last == ["minutes.approved", "minutes/1", "signatures=1", "anna", user])
            var correction = saved
            correction.decisions = [Decision(text: "Beslut, rättat")]
            correction.amends = saved.id
            let amended = try await db.save(correction)
            #expect(try await Self.entries(db).last == ["minutes.amended", "minutes/\(amended.id!)", "amends=1", nil, user])
            #expect(try await Self.entries(db).count == 4)
            let entries = try await db.auditLog(minutesIDs: [1])
            #expect(entries.map(\.action) == ["minutes.saved", "minutes.signed", "minutes.approved"])
            #expect(entries[1].details == ["signatures": "1"])
            #expect(entries.map(\.id) == entries.map(\.id).sorted())
            #expect(try await db.auditLog(minutesIDs: [2]).map(\.action) == ["minutes.amended"])
            #expect(try await db.auditLog(minutesIDs: [1, 2]).count == 4)
            #expect(try await db.auditLog(minutesIDs: []).isEmpty)
            if let raw = db as? AppDatabase {
                let entries = try await Self.entries(db)
                #expect(try Self.rows(raw) == entries)
            }
        }
    }

    @Test(
        "A refused write leaves no row: minutes twice for a meeting, a signature by someone else, an unknown feed",
        arguments: StoreEngine.allCases)
    func refusedWrites(engine: StoreEngine) async throws {
        try await engine.withEmptyStore { db in
            _ = try await db.save(Fixture.minutes(on: "2025-02-13"))
            await #expect(throws: StoreError.self) { try await db.save(Fixture.minutes(on: "2025-02-13")) }
            await #expect(throws: StoreError.self) {
                try await db.sign(
                    id: 1, names: ["Anna Andersson", "Bo Berg"], date: Fixture.day("2025-02-14"), required: SignatureStoreTests.required)
            }
            // The first name's signature was written before the second was refused: neither stayed, nor a row.
            #expect(try await db.signatures(minutesID: 1).isEmpty)
            #expect(try await db.listMinutes().count == 1)
            #expect(try await Self.entries(db).map { $0[0] } == ["minutes.saved"])
            guard let raw = db as? AppDatabase else { return }
            #expect(try raw.revokeFeed(id: 7) == false)
            #expect(try Self.rows(raw).map { $0[0] } == ["minutes.saved"])
            // A write that fails after its audit row leaves neither: a minutes row the database refuses at the end.
            try raw.unsafeRawWrite(
                """
                CREATE TRIGGER refuse_second AFTER INSERT ON audit_log WHEN (SELECT COUNT(*) FROM audit_log) > 1
                BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
                """)
            #expect(throws: (any Error).self) { try raw.save(Fixture.minutes(on: "2025-03-13")) }
            #expect(try await raw.listMinutes().count == 1)
            #expect(try Self.rows(raw).count == 1)
        }
    }

    @Test("Meeting decisions, cancellations, feeds and imports each leave their row; the reason and token never appear")
    func otherWrites() throws {
        let db = try TestDatabase.inMemory()
        let configuration = RegisterStoreTests.configuration()
        for decision in [
            RegisterStoreTests.decision(.cancel, "2025-03-13"), RegisterStoreTests.decision(.restore, "2025-03-13"),
            RegisterStoreTests.decision(
                .move, "2025-04-10", to: LocalDateTime(date: Fixture.day("2025-04-11"), time: LocalTime(hour: 9, minute: 0)!)),
        ] {
            try db.decide(
                decision, configuration: configuration, scheduler: Scheduler(), through: RegisterStoreTests.horizon,
                now: RegisterStoreTests.now)
        }
        try db.cancel(structureID: "grupp", date: Fixture.day("2025-02-05"), reason: "Sjukdom")
        let token = String(repeating: "ab", count: 32)
        let feed = try db.createFeed(tokenHash: token, selectionKind: "person", selectionValue: "anna")
        #expect(try db.revokeFeed(id: feed))
        let user = AuditActor.databaseUser
        #expect(
            try Self.rows(db) == [
                ["meeting.cancelled", "meeting/rug/2025-03-13", nil, nil, user],
                ["meeting.restored", "meeting/rug/2025-03-13", nil, nil, user],
                ["meeting.moved", "meeting/rug/2025-04-10", "to=2025-04-11", nil, user],
                ["minutes.cancelled", "meeting/grupp/2025-02-05", nil, nil, user],
                ["feeds.created", "feed/\(feed)", "selection=person", nil, user],
                ["feeds.revoked", "feed/\(feed)", nil, nil, user],
            ])
        let everything = try db.unsafeRawRead("SELECT * FROM audit_log").flatMap { $0 }.compactMap { $0 }.joined(separator: " ")
        #expect(!everything.contains("Krock") && !everything.contains("Sjukdom") && !everything.contains(token))

        let source = try TestDatabase.inMemory()
        let saved = try source.save(Fixture.minutes(on: "2025-02-13", decisions: ["Beslut"]))
        _ = try source.approve(id: saved.id!, by: ["Cia Carlsson"], date: Fixture.day("2025-02-14"))
        try source.save(Fixture.minutes(on: "2025-03-13"))
        try source.cancel(structureID: "rug", date: Fixture.day("2025-04-10"), reason: "Sjukdom")
        let copy = try TestDatabase.inMemory()
        #expect(try copy.acting(as: "bo").importArchive(try source.exportArchive()) == (2, 1))
        #expect(
            try Self.rows(copy).map { Array($0.prefix(4)) } == [
                ["minutes.imported", "minutes/1", "approved=yes", "bo"], ["minutes.imported", "minutes/2", nil, "bo"],
                ["meeting.cancelled", "meeting/rug/2025-04-10", "imported", "bo"],
            ])
        // Importing again adds nothing, and writes no row.
        #expect(try copy.importArchive(try source.exportArchive()) == (0, 0))
        #expect(try Self.rows(copy).count == 3)
    }

    @Test("The audit log is append-only: UPDATE and DELETE are refused by the database")
    func appendOnly() throws {
        let db = try TestDatabase.inMemory()
        try db.save(Fixture.minutes(on: "2025-02-13"))
        for sql in ["UPDATE audit_log SET actor_person = 'anna'", "DELETE FROM audit_log"] {
            #expect(performing: { try db.unsafeRawWrite(sql) }, throws: { "\($0)".contains("the audit log is append-only") })
        }
        #expect(throws: (any Error).self) {
            try db.unsafeRawWrite("INSERT INTO audit_log (at, actor_database_user, action, target) VALUES ('x', 'u', 'Not a code', 'x')")
        }
        #expect(try Self.rows(db).count == 1)
    }

    @Test("A v11 database gains an empty audit log: its minutes were saved before it")
    func upgrade() throws {
        let db = try AppDatabase.unsafeInMemory(migratedUpTo: "v11-organisation-attendance")
        try db.unsafeRawWrite("INSERT INTO minutes (id, structure_id, meeting_date, created_at) VALUES (1, 'rug', '2025-02-13', 'x')")
        try db.unsafeMigrate()
        #expect(try db.unsafeRawRead("SELECT identifier FROM grdb_migrations WHERE identifier = 'v12-audit'").count == 1)
        #expect(try db.auditLog().isEmpty)
        #expect(try db.auditLog(minutesIDs: [1]).isEmpty)
    }
}
