public import Foundation
public import SamverkanStore

/// Databases for tests: an empty one in memory for the store's own tests, or a database file in a
/// ``TemporaryFolder`` for runs of the built binary (`SAMVERKAN_DATABASE`).
public enum TestDatabase {
    /// An empty database in memory, with the current schema.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase.inMemory()
    }

    /// The path of a database file in a folder. Nothing is created: the first `samverkan` run that
    /// stores something, or ``file(in:name:)``, creates it.
    ///
    /// When the end-to-end tests run once more on PostgreSQL (``engine`` is `.postgres`,
    /// `SAMVERKAN_TEST_ENGINE=postgres`), this is instead the URL of an empty PostgreSQL database
    /// of its own in the test process's cluster, the same one for the same folder and name.
    public static func path(in folder: TemporaryFolder, name: String = "samverkan.sqlite") -> String {
        guard engine == .postgres else { return folder.path(name) }
        return PostgresDatabases.shared.url(for: folder.path(name))
    }

    /// An SQLite file with what a database holds, for readers of the file (Python's `sqlite3`,
    /// the peers): the file itself, or for a PostgreSQL database a fresh copy made with
    /// `samverkan db copy` (which the tests of `db copy` prove lossless).
    public static func sqliteFile(of database: String) throws -> String {
        guard database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") else { return database }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-pg-copy-\(TemporaryFolder.uniqueName()).sqlite")
            .path
        let result = try CLIRunner.run(["db", "copy", "--from", database, "--to", copy], environment: [:])
        guard result.status == 0 else { throw TestSupportError("cannot copy \(database) to a file: \(result.stderr)") }
        return copy
    }

    /// Where `samverkan` keeps drafts for a database at `name` in a folder: next to the file, or,
    /// when the database is PostgreSQL, in the data folder `XDG_DATA_HOME` (the test gives
    /// `folder/xdg`, see ``dataHome(in:)``).
    public static func draftsFolder(in folder: TemporaryFolder, name: String) -> URL {
        guard isSQLite else { return folder.url("xdg/samverkan/drafts") }
        return folder.url(name).deletingLastPathComponent().appendingPathComponent("drafts")
    }

    /// The `XDG_DATA_HOME` a test's runs share (PostgreSQL keeps drafts there).
    public static func dataHome(in folder: TemporaryFolder) -> String { folder.path("xdg") }

    /// The database user the audit log records for the tests' runs: the user running them
    /// (SQLite), or the test cluster's role (PostgreSQL's `current_user`).
    public static var databaseUser: String {
        isSQLite ? ProcessInfo.processInfo.userName : ((try? PostgresCluster.shared().role) ?? "")
    }

    /// The engine the end-to-end tests run on: `SAMVERKAN_TEST_ENGINE` (`sqlite`, the default, or
    /// `postgres`).
    public static let engine: StoreEngine = {
        ProcessInfo.processInfo.environment["SAMVERKAN_TEST_ENGINE"].flatMap(StoreEngine.init(rawValue:)) ?? .sqlite
    }()

    /// Whether the end-to-end tests run on the embedded SQLite file (tests that read the file
    /// itself, with Python's `sqlite3` or the peers, run only then).
    public static var isSQLite: Bool { engine == .sqlite }

    /// Opens the database file `name` in a folder, creating it (and its subfolders) with the
    /// current schema on first use, as `samverkan` opens the user's database.
    public static func file(in folder: TemporaryFolder, name: String = "samverkan.sqlite") throws -> AppDatabase {
        try AppDatabase.open(path: path(in: folder, name: name))
    }

    /// How many rows each table holds, read by Python's `sqlite3`: a reader that shares no code
    /// with the store, and sees only committed transactions.
    public static func rowCounts(ofDatabaseAt path: String, tables: [String]) throws -> [String: Int] {
        let program = """
            import json, sqlite3, sys
            connection = sqlite3.connect(sys.argv[1])
            print(json.dumps({t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sys.argv[2:]}))
            connection.close()
            """
        let result = try CLIRunner.runPython(program, [try sqliteFile(of: path)] + tables)
        guard result.status == 0, let counts = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Int] else {
            throw TestSupportError("cannot count the rows of \(path): \(result.stderr)")
        }
        return counts
    }
}

/// A helper could not do what a test asked of it.
public struct TestSupportError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// A problem described in words.
    public init(_ description: String) { self.description = description }
}

/// The PostgreSQL databases standing in for database files, one per file path.
private final class PostgresDatabases: @unchecked Sendable {
    static let shared = PostgresDatabases()
    private let lock = NSLock()
    private var urls: [String: String] = [:]

    /// The URL of the database standing in for a file path, created empty on first use (the
    /// first `samverkan` run migrates it, as it creates a file).
    func url(for path: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let url = urls[path] { return url }
        do {
            let cluster = try PostgresCluster.shared()
            let url = cluster.url(try cluster.createDatabase("e2e"))
            urls[path] = url
            return url
        } catch {
            fatalError("the test PostgreSQL cluster cannot make a database: \(error)")
        }
    }
}
