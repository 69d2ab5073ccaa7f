import Foundation
internal import GRDB

extension AppDatabase {
    /// `PRAGMA application_id` of samverkan databases ("Svkn"), set by migration `v6-application-id`.
    static let applicationID: Int32 = 0x5376_6B6E

    /// Files up to this size get `PRAGMA integrity_check` (which, unlike `quick_check`, also
    /// notices an index that no longer matches its table) each time they are opened, in some
    /// milliseconds; larger ones are checked by `samverkan minutes verify`.
    static let integrityCheckLimit = 8 * 1024 * 1024

    /// Opens (creating folders and file on first use) the database at a path.
    ///
    /// Before anything is written, the file is checked: it must be a regular file (or a
    /// symbolic link to one), empty, or an SQLite database that is samverkan's (its
    /// `application_id`, or samverkan's migrations table and no other application's tables).
    /// A small file also gets `PRAGMA integrity_check`.
    /// - Throws: ``StoreError`` with an actionable message when it cannot or must not be opened.
    public static func open(path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        let size = try checkedFileSize(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StoreError("store.folder-uncreatable", ["path": path, "detail": error.localizedDescription])
        }
        if let size, size > 0 { try checkOwnership(path, size: size) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Survive a crash or SIGKILL mid-write: WAL (set by the pool) + full sync.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let database = try AppDatabase(DatabasePool(path: path, configuration: configuration))
            if let size, size <= integrityCheckLimit {
                let problems = try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(5)") }.filter { $0 != "ok" }
                if !problems.isEmpty { throw StoreError("store.corrupt", ["path": path]) }
            }
            return database
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
                throw StoreError("store.corrupt", ["path": path])
            }
            throw StoreError("store.unopenable", ["path": path, "detail": error.message ?? "\(error.resultCode)"])
        }
    }

    /// The size of the file at `path` (following symbolic links), nil when there is none.
    /// - Throws: ``StoreError`` when the path is a folder, device, pipe or socket.
    static func checkedFileSize(_ path: String) throws -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError("store.not-a-file", ["path": path]) }
        return Int(info.st_size)
    }

    /// Refuses a file that is not samverkan's database, reading only (no WAL switch, no tables).
    static func checkOwnership(_ path: String, size: Int) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw StoreError("store.not-samverkan", ["path": path])
        }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if id == UInt32(bitPattern: applicationID) { return }
        if id != 0 { throw StoreError("store.not-samverkan", ["path": path]) }
        // No application id (an empty database, or one made before `v6-application-id`):
        // samverkan's when its migrations table is there, or it has no tables at all.
        var configuration = Configuration()
        configuration.readonly = true
        let tables: [String]
        do {
            tables = try DatabaseQueue(path: path, configuration: configuration).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            }
        } catch let error as DatabaseError {
            throw StoreError("store.unopenable", ["path": path, "detail": error.message ?? "\(error.resultCode)"])
        }
        guard tables.isEmpty || tables.contains("grdb_migrations") && tables.contains("calendar_series") else {
            throw StoreError("store.not-samverkan", ["path": path])
        }
    }

    /// Migration `v6-application-id`: marks the file as samverkan's, so ``open(path:)`` can
    /// tell it from another application's SQLite file.
    static func registerIdentityMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-application-id") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
    }
}
