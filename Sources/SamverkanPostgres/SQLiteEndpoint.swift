import Foundation
import GRDB
import SamverkanStore

/// An SQLite file (the embedded store) as `samverkan db` sees it, through GRDB.
///
/// Reading never changes the file; ``migrate()`` and a copy into it open it as the store does
/// (``AppDatabase/open(path:)``: created on first use, checked to be samverkan's, migrated).
public final class SQLiteEndpoint: DatabaseEndpoint {
    public let path: String
    public var location: String { path }
    public var engine: String { "SQLite" }
    public var knownMigrations: [String] { AppDatabase.migrationNames }

    /// The database as `path` names it (opened when first used).
    public init(path: String) {
        self.path = path
    }

    /// A read-only connection to an existing file.
    /// - Throws: ``DatabaseAdminError`` `db.source-missing` when there is no file.
    func reader() throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else { throw DatabaseAdminError("db.source-missing", ["path": path]) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return try sqlite { try DatabaseQueue(path: path, configuration: configuration) }
    }

    /// None for a file that does not exist yet (a copy's new target).
    public func appliedMigrations() async throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try sqlite {
            try reader().read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
        }
    }

    public func migrate() async throws -> [String] {
        let before = try await appliedMigrations()
        try PostgresMigrator.checkKnown(before, known: knownMigrations, location: path)
        _ = try AppDatabase.open(path: path)
        let after = try await appliedMigrations()
        return after.filter { !before.contains($0) }
    }

    public func tables() async throws -> Set<String> {
        try sqlite {
            try reader().read { db in
                let rows = try Row.fetchAll(db, sql: "PRAGMA table_list")
                return Set(
                    rows.compactMap { row -> String? in
                        let name: String = row["name"]
                        let type: String = row["type"]
                        let schema: String = row["schema"]
                        guard schema == "main", type == "table" || type == "virtual" else { return nil }
                        return name.hasPrefix("sqlite_") || name == "grdb_migrations" ? nil : name
                    })
            }
        }
    }

    public func columns(of table: String) async throws -> [String] {
        try sqlite {
            try reader().read { db in
                let virtual =
                    try String.fetchOne(
                        db, sql: "SELECT type FROM pragma_table_list WHERE schema = 'main' AND name = ?", arguments: [table]) == "virtual"
                // table_xinfo's `hidden`: 0 a column, 1 hidden (of a virtual table), 2 and 3 generated.
                let names = try Row.fetchAll(db, sql: "SELECT name, hidden FROM pragma_table_xinfo(?) ORDER BY cid", arguments: [table])
                    .filter { ($0["hidden"] as Int64) == 0 }.map { $0["name"] as String }
                return virtual ? ["rowid"] + names : names
            }
        }
    }

    public func rows(of table: String, columns: [String]) async throws -> [[SQLValue]] {
        try sqlite {
            try reader().read { db in
                let keys = try Row.fetchAll(
                    db, sql: "SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", arguments: [table]
                )
                .map { $0["name"] as String }
                let order = keys.isEmpty ? (columns.contains("rowid") ? ["rowid"] : []) : keys
                let orderBy = order.isEmpty ? "" : " ORDER BY " + order.map(quoted).joined(separator: ", ")
                let sql = "SELECT \(columns.map(quoted).joined(separator: ", ")) FROM \(quoted(table))\(orderBy)"
                return try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map(Self.value(of:)) }
            }
        }
    }

    public func counts() async throws -> DatabaseCounts {
        try sqlite {
            try reader().read { db in Self.counts(from: try Row.fetchOne(db, sql: Self.countsSQL)?.databaseValues.map(Self.value(of:))) }
        }
    }

    public func close() async {}

    /// GRDB's value as a ``SQLValue``.
    static func value(of value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .blob(data)
        }
    }

    /// A ``SQLValue`` as GRDB's value.
    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let data): data.databaseValue
        }
    }

    /// Runs GRDB work; SQLite's errors become ``DatabaseAdminError`` `db.sqlite-failed`.
    func sqlite<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseAdminError { throw error } catch let error as DatabaseError {
            throw DatabaseAdminError("db.sqlite-failed", ["path": path, "detail": error.message ?? "\(error.resultCode)"])
        }
    }
}
