internal import GRDB
import SamverkanDomain

extension AppDatabase {
    /// The columns of `minutes` a chain link covers: the content hash (which covers every row
    /// of the minutes, checked by ``Minutes/isIntact``) and what the reports count from the
    /// row itself (summary columns, dates, approval).
    public static let chainColumns = [
        "id", "structure_id", "meeting_date", "planned_date", "amends_id", "approved_on",
        "approved_by", "content_hash", "present_sides", "present_organisations", "covered_items",
    ]

    /// Migration `v5-approval-chain`: the table of links, read-only like approved minutes, and
    /// the links of the minutes approved before it, in order of approval.
    static func registerChainMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-approval-chain") { db in
            try db.execute(
                sql: """
                    CREATE TABLE approval_chain (
                        position INTEGER PRIMARY KEY CHECK (position > 0),
                        minutes_id INTEGER NOT NULL UNIQUE,
                        link_hash TEXT NOT NULL
                    ) STRICT;
                    CREATE TRIGGER approval_chain_no_update BEFORE UPDATE ON approval_chain
                    BEGIN SELECT RAISE(ABORT, 'the approval chain is append-only'); END;
                    CREATE TRIGGER approval_chain_no_delete BEFORE DELETE ON approval_chain
                    BEGIN SELECT RAISE(ABORT, 'the approval chain is append-only'); END;
                    """)
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM minutes WHERE approved_at IS NOT NULL ORDER BY approved_at, id")
            for id in ids { try appendChainLink(minutesID: id, db: db) }
        }
    }

    /// The facts of the minutes `id` a link covers, or nil when there is no such row.
    static func chainFacts(minutesID id: Int64, db: Database) throws -> [(key: String, value: String)]? {
        let columns = chainColumns.joined(separator: ", ")
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM minutes WHERE id = ?", arguments: [id]) else { return nil }
        return chainColumns.indices.map { index in
            let value: String =
                switch row[index] as DatabaseValue {
                case let value where value.isNull: "\u{0}null"
                case let value: String.fromDatabaseValue(value) ?? Int64.fromDatabaseValue(value).map { String($0) } ?? "\u{0}other"
                }
            return (chainColumns[index], value)
        }
    }

    /// Appends the link of newly approved minutes to the chain (in the approval's transaction).
    static func appendChainLink(minutesID id: Int64, db: Database) throws {
        guard let facts = try chainFacts(minutesID: id, db: db) else {
            throw StoreError("store.internal", ["what": "approved minutes vanished before their link was written"])
        }
        let last = try Row.fetchOne(db, sql: "SELECT position, link_hash FROM approval_chain ORDER BY position DESC LIMIT 1")
        let position: Int64 = (last?[0] ?? 0) + 1
        let hash = ApprovalChain.linkHash(previous: last?[1] ?? "", position: position, facts: facts)
        try db.execute(
            sql: "INSERT INTO approval_chain (position, minutes_id, link_hash) VALUES (?, ?, ?)",
            arguments: [position, id, hash])
    }

    /// Checks the chain and every approved record: see ``ApprovalAudit``.
    public func auditApprovals() throws -> ApprovalAudit {
        try read { db in
            var audit = ApprovalAudit()
            audit.integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)").filter { $0 != "ok" }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM minutes WHERE approved_at IS NOT NULL ORDER BY id")
            audit.checked = try ids.compactMap { try Self.fetchMinutes(id: $0, db: db) }
            for minutes in audit.checked where !minutes.isIntact {
                audit.problems.append(.init(id: minutes.id ?? 0, kind: .contentChanged))
            }
            let links = try Row.fetchAll(db, sql: "SELECT position, minutes_id, link_hash FROM approval_chain ORDER BY position").map {
                row in
                ApprovalAudit.Link(
                    position: row[0], minutesID: row[1], hash: row[2], facts: try Self.chainFacts(minutesID: row[1], db: db))
            }
            audit.checkChain(links, approved: ids)
            return audit
        }
    }
}
