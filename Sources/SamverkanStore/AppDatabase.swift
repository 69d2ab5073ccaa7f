import Foundation
public import GRDB
public import SamverkanDomain

/// The embedded store: one SQLite database, opened through GRDB, with named migrations.
///
/// Use ``open(path:)`` for the user's database file (a `DatabasePool` in WAL mode) and
/// ``inMemory()`` in tests. Foreign keys are enforced (GRDB turns them on for every connection).
public final class AppDatabase: Sendable {
    /// The connection(s); a pool on a file, a queue in memory.
    public let writer: any DatabaseWriter

    /// Opens a database and brings its schema up to date.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Opens (creating folders and file on first use) the database at a path.
    /// - Throws: ``StoreError`` with an actionable message when it cannot be opened.
    public static func open(path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StoreError("store.folder-uncreatable", ["path": path, "detail": error.localizedDescription])
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Survive a crash or SIGKILL mid-write: WAL (set by the pool) + full sync.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            return try AppDatabase(DatabasePool(path: path, configuration: configuration))
        } catch let error as DatabaseError {
            throw StoreError("store.unopenable", ["path": path, "detail": error.message ?? "\(error.resultCode)"])
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
            try db.execute(sql: """
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
        return migrator
    }
}

/// A store problem: its code is the key of a message in `errors.txt` that says what to do.
///
/// `store.*` codes are the database failing (exit 4); the others (`minutes.*`, `meeting.*`,
/// `archive.*`) refuse what was asked, e.g. approving minutes twice (exit 1).
public struct StoreError: SamverkanError, Equatable {
    public let code: String
    public let values: [String: String]

    public init(_ code: String, _ values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }

    public var category: ErrorCategory { code.hasPrefix("store.") ? .store : .input }
}
