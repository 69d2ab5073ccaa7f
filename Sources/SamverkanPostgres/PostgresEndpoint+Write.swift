extension PostgresEndpoint {
    /// Writes whole tables in one transaction: the schema is migrated first, the tables' own
    /// triggers are off during the copy (`DISABLE TRIGGER USER`, undone before the commit; foreign
    /// keys stay on and are checked at the commit), identity counters continue after the highest
    /// id copied, and the copy's `db.copied` row is appended to the audit log. After the commit
    /// the tables are vacuumed and analysed.
    public func write(_ contents: [TableContents], replace: Bool, audit: CopyAudit) async throws {
        let client = try await client()
        try await PostgresMigrator.migrate(client)
        try await client.transaction { client in
            try await client.execute("SET CONSTRAINTS ALL DEFERRED")
            let names = CopyTable.order.map(\.name)
            // Locks every table against other writers for the copy, then looks for rows.
            try await client.execute("LOCK TABLE \(names.map(quoted).joined(separator: ", ")) IN ACCESS EXCLUSIVE MODE")
            if !replace {
                for table in CopyTable.order where !table.seeded {
                    let rows = try await client.rows("SELECT EXISTS (SELECT 1 FROM \(quoted(table.name)))")
                    if rows.first?.first == .integer(1) {
                        throw DatabaseAdminError("db.target-not-empty", ["database": url.redacted, "table": table.name])
                    }
                }
            }
            for table in names { try await client.execute("ALTER TABLE \(quoted(table)) DISABLE TRIGGER USER") }
            try await client.execute("TRUNCATE \(names.map(quoted).joined(separator: ", "))")
            for table in contents { try await insert(table, client: client) }
            // Every row is in: check the foreign keys now (the triggers cannot be turned back on
            // while checks are pending).
            try await client.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in names { try await client.execute("ALTER TABLE \(quoted(table)) ENABLE TRIGGER USER") }
            try await continueIdentities(client)
            // The database user is the column's default, `current_user`.
            try await client.execute("INSERT INTO audit_log (\(CopyAudit.columns)) VALUES ($1, $2, $3, $4, $5)", audit.values)
        }
        // Every row is new: the planner's statistics and the visibility map (which lets reads
        // answer from an index alone) are made now, as autovacuum would in a while, so the
        // first reports after a copy are as fast as later ones. Outside the copy's transaction.
        try await client.execute("VACUUM (ANALYZE) \(CopyTable.order.map { quoted($0.name) }.joined(separator: ", "))")
    }

    /// Inserts the rows of a table, many a statement.
    private func insert(_ table: TableContents, client: PostgresClient) async throws {
        guard !table.columns.isEmpty else { return }
        let perStatement = max(1, min(500, 30_000 / table.columns.count))
        let head = "INSERT INTO \(quoted(table.table)) (\(table.columns.map(quoted).joined(separator: ", "))) VALUES "
        var start = 0
        while start < table.rows.count {
            let batch = table.rows[start..<min(start + perStatement, table.rows.count)]
            var placeholders: [String] = []
            var values: [SQLValue] = []
            for row in batch {
                placeholders.append("(" + row.indices.map { "$\(values.count + $0 + 1)" }.joined(separator: ", ") + ")")
                values += row
            }
            try await client.execute(head + placeholders.joined(separator: ", "), values)
            start += batch.count
        }
    }

    /// Sets every identity column's counter past the highest value copied.
    private func continueIdentities(_ client: PostgresClient) async throws {
        let identities = try await client.rows(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES'
            """)
        for row in identities {
            guard case .text(let table) = row[0], case .text(let column) = row[1] else { continue }
            try await client.execute(
                """
                SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(\(quoted(column))) FROM \(quoted(table))), 0) + 1, false)
                """, [.text(quoted(table)), .text(column)])
        }
    }
}
