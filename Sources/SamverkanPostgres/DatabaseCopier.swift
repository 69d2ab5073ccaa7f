/// `samverkan db copy`: every row of every table from one database to another, SQLite to
/// PostgreSQL or back, as it is (content hashes and the approval chain stay valid).
///
/// The source must hold exactly the migrations this samverkan knows for its engine; the target is
/// migrated, must have every table and column the source has, and must be empty unless `replace`.
/// The target is written in one transaction: a failure leaves it as it was.
public enum DatabaseCopier {
    /// What a copy did: rows per table, in copy order.
    public struct Report: Sendable {
        public var rows: [(table: String, count: Int)]
        public var total: Int { rows.reduce(0) { $0 + $1.count } }
    }

    /// Copies `source` into `target`.
    /// The target's audit log gets the source's rows and one `db.copied` row of its own, by
    /// `person` (the configured person given with `--as`, nil without).
    public static func copy(
        from source: any DatabaseEndpoint, to target: any DatabaseEndpoint, replace: Bool, person: String? = nil
    ) async throws -> Report {
        guard source.location != target.location else {
            throw DatabaseAdminError("db.same-database", ["database": source.location])
        }
        let applied = try await source.appliedMigrations()
        try PostgresMigrator.checkKnown(applied, known: source.knownMigrations, location: source.location)
        let missing = source.knownMigrations.filter { !applied.contains($0) }
        guard missing.isEmpty else {
            throw DatabaseAdminError(
                "db.source-not-migrated", ["database": source.location, "migrations": missing.joined(separator: ", ")])
        }
        let targetApplied = try await target.appliedMigrations()
        try PostgresMigrator.checkKnown(targetApplied, known: target.knownMigrations, location: target.location)
        _ = try await target.migrate()

        let sourceTables = try await source.tables()
        let targetTables = try await target.tables()
        for table in sourceTables.sorted() where !targetTables.contains(table) {
            throw DatabaseAdminError("db.target-lacks-table", ["table": table, "database": target.location, "engine": target.engine])
        }
        for table in sourceTables.union(targetTables).sorted() where CopyTable.named(table) == nil {
            throw DatabaseAdminError("db.unknown-table", ["table": table])
        }
        var contents: [TableContents] = []
        for table in CopyTable.order where sourceTables.contains(table.name) {
            let columns = try await source.columns(of: table.name)
            let targetColumns = try await target.columns(of: table.name)
            if let column = columns.first(where: { !targetColumns.contains($0) }) {
                throw DatabaseAdminError(
                    "db.target-lacks-column", ["table": table.name, "column": column, "database": target.location, "engine": target.engine])
            }
            contents.append(
                TableContents(table: table.name, columns: columns, rows: try await source.rows(of: table.name, columns: columns)))
        }
        try await target.write(contents, replace: replace, audit: CopyAudit(person: person, sourceEngine: source.engine))
        return Report(rows: contents.map { ($0.table, $0.rows.count) })
    }
}
