import Foundation

/// Applies the named PostgreSQL migrations (``PostgresMigration/all``) and records each in
/// `samverkan_migrations` (name, position, when).
///
/// All pending migrations run in one transaction under an advisory lock, so two `db migrate` at
/// once do not both apply them; a database that has a migration this binary does not know (a
/// newer samverkan migrated it) is refused before anything is changed.
public enum PostgresMigrator {
    /// The advisory lock of a migration ("Svkn", as SQLite's `application_id`).
    static let lockKey: Int64 = 0x5376_6B6E

    /// The migrations the database has, in order (empty for a new database).
    public static func applied(_ client: PostgresClient) async throws -> [String] {
        let exists = try await client.rows("SELECT to_regclass('samverkan_migrations') IS NOT NULL")
        guard exists.first?.first == .integer(1) else { return [] }
        return try await client.rows("SELECT identifier FROM samverkan_migrations ORDER BY position").compactMap {
            if case .text(let name) = $0.first { name } else { nil }
        }
    }

    /// Refuses a database that holds migrations this binary does not know.
    /// - Throws: ``DatabaseAdminError`` `db.schema-newer` naming them.
    public static func checkKnown(_ applied: [String], known: [String] = PostgresMigration.names, location: String) throws {
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw DatabaseAdminError("db.schema-newer", ["database": location, "migrations": unknown.joined(separator: ", ")])
        }
    }

    /// Brings the schema up to date; returns the names of the migrations it applied (none when
    /// it already was).
    @discardableResult
    public static func migrate(_ client: PostgresClient) async throws -> [String] {
        try await checkEncoding(client)
        return try await client.transaction { client in
            try await client.execute("SELECT pg_advisory_xact_lock($1)", [.integer(lockKey)])
            try await client.execute(
                """
                CREATE TABLE IF NOT EXISTS samverkan_migrations (
                    identifier TEXT PRIMARY KEY,
                    position BIGINT NOT NULL UNIQUE CHECK (position > 0),
                    applied_at TEXT NOT NULL
                )
                """)
            let applied = try await applied(client)
            try checkKnown(applied, location: client.url.redacted)
            var done: [String] = []
            for (index, migration) in PostgresMigration.all.enumerated() where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await client.execute(statement)
                }
                try await client.execute(
                    "INSERT INTO samverkan_migrations (identifier, position, applied_at) VALUES ($1, $2, $3)",
                    [.text(migration.name), .integer(Int64(index + 1)), .text(timestamp())])
                done.append(migration.name)
            }
            return done
        }
    }

    /// Refuses a database whose encoding is not UTF-8: minutes must come back byte for byte.
    static func checkEncoding(_ client: PostgresClient) async throws {
        let rows = try await client.rows("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()")
        guard case .text(let encoding) = rows.first?.first else { return }
        guard encoding == "UTF8" else {
            throw DatabaseAdminError("db.encoding", ["url": client.url.redacted, "encoding": encoding])
        }
    }

    /// Now as `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
