import Foundation
import GRDB
import SamverkanStore

extension SQLiteEndpoint {
    /// Writes whole tables in one transaction: the file is created and migrated first (as the
    /// store opens it), its triggers are dropped for the copy and put back unchanged before the
    /// commit, and foreign keys are checked at the commit.
    public func write(_ contents: [TableContents], replace: Bool, audit: CopyAudit) async throws {
        try openAsStore()
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let queue = try sqlite { try DatabaseQueue(path: path, configuration: configuration) }
        try sqlite {
            try queue.inTransaction(.immediate) { db in
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                if !replace, let table = try firstTableWithRows(db) {
                    throw DatabaseAdminError("db.target-not-empty", ["database": path, "table": table])
                }
                let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid")
                for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(quoted(trigger["name"] as String))") }
                for table in CopyTable.order.reversed() { try db.execute(sql: "DELETE FROM \(quoted(table.name))") }
                for table in contents {
                    let sql =
                        "INSERT INTO \(quoted(table.table)) (\(table.columns.map(quoted).joined(separator: ", "))) VALUES (\(table.columns.map { _ in "?" }.joined(separator: ", ")))"
                    let statement = try db.makeStatement(sql: sql)
                    for row in table.rows {
                        try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                    }
                }
                for trigger in triggers { try db.execute(sql: trigger["sql"] as String) }
                try db.execute(
                    sql: "INSERT INTO audit_log (actor_database_user, \(CopyAudit.columns)) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: StatementArguments([AuditActor.databaseUser.databaseValue] + audit.values.map(Self.databaseValue)))
                return .commit
            }
        }
    }

    /// Opens the file as the store does: created on first use, checked to be samverkan's, migrated.
    private func openAsStore() throws {
        _ = try AppDatabase.open(path: path)
    }

    /// The first listed table that holds rows (seeded tables aside), or nil.
    private func firstTableWithRows(_ db: Database) throws -> String? {
        for table in CopyTable.order where !table.seeded {
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(quoted(table.name)))") == true { return table.name }
        }
        return nil
    }
}
