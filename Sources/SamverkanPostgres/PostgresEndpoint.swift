/// A PostgreSQL database as `samverkan db` sees it: one connection, opened on first use.
public final class PostgresEndpoint: DatabaseEndpoint {
    public let url: PostgresURL
    public var location: String { url.redacted }
    public var engine: String { "PostgreSQL" }
    public var knownMigrations: [String] { PostgresMigration.names }
    private let connection = ConnectionBox()

    public init(url: PostgresURL) {
        self.url = url
    }

    /// The connection, made on first use.
    func client() async throws -> PostgresClient {
        try await connection.client(for: url)
    }

    public func appliedMigrations() async throws -> [String] {
        try await PostgresMigrator.applied(client())
    }

    public func migrate() async throws -> [String] {
        try await PostgresMigrator.migrate(client())
    }

    public func tables() async throws -> Set<String> {
        let rows = try await client().rows(
            """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> 'samverkan_migrations'
            """)
        return Set(rows.compactMap { if case .text(let name) = $0.first { name } else { nil } })
    }

    public func columns(of table: String) async throws -> [String] {
        try await client().rows(
            """
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
            ORDER BY ordinal_position
            """, [.text(table)]
        ).compactMap { if case .text(let name) = $0.first { name } else { nil } }
    }

    public func rows(of table: String, columns: [String]) async throws -> [[SQLValue]] {
        let keys = try await client().rows(
            """
            SELECT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = to_regclass($1) AND i.indisprimary
            ORDER BY array_position(i.indkey, a.attnum)
            """, [.text(quoted(table))]
        ).compactMap { if case .text(let name) = $0.first { name } else { nil } }
        let orderBy = keys.isEmpty ? "" : " ORDER BY " + keys.map(quoted).joined(separator: ", ")
        return try await client().rows("SELECT \(columns.map(quoted).joined(separator: ", ")) FROM \(quoted(table))\(orderBy)")
    }

    public func counts() async throws -> DatabaseCounts {
        Self.counts(from: try await client().rows(Self.countsSQL).first)
    }

    public func close() async {
        await connection.close()
    }
}

/// The one connection of an endpoint, made when first needed.
actor ConnectionBox {
    private var client: PostgresClient?

    func client(for url: PostgresURL) async throws -> PostgresClient {
        if let client { return client }
        let made = try await PostgresClient.connect(url)
        client = made
        return made
    }

    func close() async {
        await client?.close()
        client = nil
    }
}
