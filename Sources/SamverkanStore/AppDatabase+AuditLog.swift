import Foundation
internal import GRDB

extension AppDatabase {
    /// Migration `v12-audit`: the audit log, one row for every write a command makes (who, when,
    /// what, about which record). Append-only in the database itself: triggers refuse UPDATE and
    /// DELETE, as they refuse changes to approved minutes. It starts empty: what was written
    /// before the upgrade is not known.
    static func registerAuditMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-audit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor_database_user TEXT NOT NULL,
                        actor_person TEXT CHECK (actor_person <> ''),
                        action TEXT NOT NULL CHECK (action GLOB '[a-z]*.[a-z]*' AND action NOT GLOB '*[^a-z._-]*'),
                        target TEXT NOT NULL CHECK (target <> ''),
                        detail TEXT CHECK (length(detail) <= 100)
                    ) STRICT;
                    CREATE INDEX audit_log_target ON audit_log(target);
                    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
        }
    }

    /// The same database, its writes recorded in the audit log as done by a configured person
    /// (`--as`); nil records none. The person must be checked against the configuration first.
    public func acting(as person: String?) -> AppDatabase {
        AppDatabase(sharing: self, actor: AuditActor(person: person))
    }

    /// Who this database's writes are recorded as done by.
    public var auditActor: AuditActor { actor }

    /// Appends one row to the audit log, in the transaction of the write it records (a write
    /// that fails or is interrupted leaves neither). Every write path of the store calls it once.
    func audit(_ db: Database, _ action: AuditAction, _ target: AuditTarget, detail: String? = nil) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO audit_log (at, actor_database_user, actor_person, action, target, detail)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [AuditEntry.timestamp(), AuditActor.databaseUser, actor.person, action.rawValue, target.text, detail])
    }

    /// The audit rows about minutes, in the order they were written.
    public func auditLog(minutesIDs: [Int64]) throws -> [AuditEntry] {
        let targets = minutesIDs.map { AuditTarget.minutes($0).text }
        return try read { db in
            try Self.auditEntries(db, "SELECT * FROM audit_log WHERE target IN \(targets) ORDER BY id")
        }
    }

    /// Every row of the audit log, in the order written.
    public func auditLog() throws -> [AuditEntry] {
        try read { db in try Self.auditEntries(db, "SELECT * FROM audit_log ORDER BY id") }
    }

    private static func auditEntries(_ db: Database, _ request: SQLRequest<Row>) throws -> [AuditEntry] {
        try Row.fetchAll(db, request).map { row in
            guard let id = row["id"] as Int64?, let at = row["at"] as String?, let user = row["actor_database_user"] as String?,
                let action = row["action"] as String?, let target = row["target"] as String?
            else { throw StoreError.unreadable("audit_log") }
            return AuditEntry(
                id: id, at: at, databaseUser: user, person: row["actor_person"], action: action, target: target, detail: row["detail"])
        }
    }
}
