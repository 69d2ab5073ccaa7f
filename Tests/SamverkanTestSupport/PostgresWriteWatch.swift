import SamverkanPostgres

/// Watches a PostgreSQL database for a client that is inside a write transaction (its backend
/// has a transaction id: it has written and not yet committed or rolled back) — what a test
/// needs to kill a `samverkan` process at that very moment.
public final class PostgresWriteWatch: Sendable {
    private let client: PostgresClient
    private let database: String

    /// Watches the database of `url` over a connection of its own.
    public init(url: String) async throws {
        let parsed = try PostgresURL(url, environment: [:])
        client = try await PostgresClient.connect(parsed)
        database = parsed.database
    }

    /// Whether a session other than this one is in a write transaction.
    public func someoneWriting() async throws -> Bool {
        let rows = try await client.rows(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
            """, [.text(database)])
        return rows.first?.first != .integer(0)
    }

    /// Whether any session other than this one is connected to the database.
    public func othersConnected() async throws -> Bool {
        let rows = try await client.rows(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [.text(database)])
        return rows.first?.first != .integer(0)
    }

    /// How many rows each table holds (committed rows only).
    public func counts(_ tables: [String]) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables {
            if case .integer(let count) = try await client.rows("SELECT count(*) FROM \(table)").first?.first {
                counts[table] = Int(count)
            }
        }
        return counts
    }

    /// Ends the watching connection.
    public func close() async { await client.close() }
}
