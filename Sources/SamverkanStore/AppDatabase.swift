import Foundation
internal import GRDB
import SamverkanDomain

/// The embedded store: one SQLite database, opened through GRDB, with named migrations.
///
/// Use ``open(path:)`` for the user's database file (a `DatabasePool` in WAL mode) and
/// ``inMemory()`` in tests. Foreign keys are enforced (GRDB turns them on for every connection).
public final class AppDatabase: Sendable {
    /// The connection(s); a pool on a file, a queue in memory. Private: everything reaches the
    /// database through the store's methods (tests and benchmarks through `AppDatabase+Testing`).
    private let writer: any DatabaseWriter
    /// The register digests last computed (see ``RegisterDigests``).
    let registerDigests: RegisterDigests
    /// Who the store's writes are recorded as done by in the audit log (see ``acting(as:)``).
    let actor: AuditActor

    /// Opens a database and brings its schema up to date (or up to and including a named
    /// migration, for tests of a migration).
    init(_ writer: any DatabaseWriter, migratingUpTo migration: String? = nil) throws {
        self.writer = writer
        registerDigests = RegisterDigests()
        actor = AuditActor(person: nil)
        if let migration {
            try Self.migrator.migrate(writer, upTo: migration)
        } else {
            try Self.migrator.migrate(writer)
        }
    }

    /// The same database, its writes recorded in the audit log as done by `actor` (no migration).
    init(sharing database: AppDatabase, actor: AuditActor) {
        writer = database.writer
        registerDigests = database.registerDigests
        self.actor = actor
    }

    /// Brings the schema up to date (after ``init(_:migratingUpTo:)`` stopped at a migration).
    func migrate() throws {
        try Self.migrator.migrate(writer)
    }

    /// A read in one read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    /// A write in one (deferred) write transaction.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.write(body)
    }

    /// A write in a `BEGIN IMMEDIATE` transaction: another process writing at the same time
    /// waits for the lock (busy timeout) instead of failing halfway.
    func immediateWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw StoreError("store.internal", ["what": "a write transaction ended without a result"]) }
            return result
        }
    }

    /// An empty database in memory, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue())
    }

    /// The schema's migrations. Once shipped, a migration never changes: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-calendar-series") { db in
            try db.execute(
                sql: """
                    CREATE TABLE calendar_series (
                        uid TEXT PRIMARY KEY NOT NULL,
                        structure_id TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
                        updated_at TEXT NOT NULL
                    ) STRICT;
                    """)
        }
        registerMinutesMigrations(&migrator)
        registerSummaryMigrations(&migrator)
        registerRegisterMigrations(&migrator)
        registerChainMigrations(&migrator)
        registerIdentityMigrations(&migrator)
        registerMailMigrations(&migrator)
        registerFeedMigrations(&migrator)
        registerActionIdentityMigrations(&migrator)
        registerSignatureMigrations(&migrator)
        registerOrganisationAttendanceMigrations(&migrator)
        registerAuditMigrations(&migrator)
        return migrator
    }
}
