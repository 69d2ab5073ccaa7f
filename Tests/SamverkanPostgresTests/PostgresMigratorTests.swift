import Foundation
import SamverkanPostgres
import SamverkanStore
import SamverkanTestSupport
import Testing

@Suite("PostgreSQL migrations")
struct PostgresMigratorTests {
    @Test("migrate creates every table of the SQLite schema with the same columns, records each migration once")
    func sameTablesAsSQLite() async throws {
        let database = try PostgresTestDatabase("migrate")
        let client = try await database.connect()
        defer { Task { await client.close() } }
        let applied = try await PostgresMigrator.migrate(client)
        #expect(applied == PostgresMigration.names)
        #expect(try await PostgresMigrator.migrate(client).isEmpty)
        #expect(try await PostgresMigrator.applied(client) == PostgresMigration.names)
        // Each shared migration is named as SQLite's, in the same order; `-pg-` ones are PostgreSQL's alone.
        let shared = AppDatabase.sharedSchema(PostgresMigration.names)
        #expect(shared == Array(AppDatabase.migrationNames.prefix(shared.count)))
        #expect(PostgresMigration.names.last == "v13-pg-revision-per-statement")

        let folder = try TemporaryFolder("pg-schema")
        let sqlite = SQLiteEndpoint(path: folder.path("s.sqlite"))
        _ = try await sqlite.migrate()
        let postgres = PostgresEndpoint(url: try PostgresURL(database.url, environment: [:]))
        defer { Task { await postgres.close() } }
        let sqliteTables = try await sqlite.tables()
        #expect(try await postgres.tables() == sqliteTables.filter { CopyTable.order.map(\.name).contains($0) })
        for table in CopyTable.order.map(\.name) where sqliteTables.contains(table) {
            #expect(try await postgres.columns(of: table) == sqlite.columns(of: table), "\(table)")
        }
    }

    @Test("a database migrated by a newer samverkan is refused, and left unchanged")
    func newerSchemaRefused() async throws {
        let database = try PostgresTestDatabase("newer")
        let client = try await database.migrated()
        defer { Task { await client.close() } }
        try await client.execute(
            "INSERT INTO samverkan_migrations (identifier, position, applied_at) VALUES ('v99-from-the-future', 99, 'x')")
        await #expect(
            throws: DatabaseAdminError("db.schema-newer", ["database": client.url.redacted, "migrations": "v99-from-the-future"])
        ) {
            try await PostgresMigrator.migrate(client)
        }
        #expect(try await PostgresMigrator.applied(client).last == "v99-from-the-future")
    }

    @Test("a database that does not store UTF-8 is refused before anything is created")
    func encodingRefused() async throws {
        let cluster = try PostgresCluster.shared()
        let name = "latin_\(UUID().uuidString.prefix(8).lowercased())"
        try cluster.psql("CREATE DATABASE \(name) OWNER \(cluster.role) ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
        let client = try await PostgresClient.connect(try PostgresURL(cluster.url(name), environment: [:]))
        defer { Task { await client.close() } }
        await #expect(throws: DatabaseAdminError("db.encoding", ["url": client.url.redacted, "encoding": "LATIN1"])) {
            try await PostgresMigrator.migrate(client)
        }
        #expect(try await PostgresMigrator.applied(client).isEmpty)
    }
}
