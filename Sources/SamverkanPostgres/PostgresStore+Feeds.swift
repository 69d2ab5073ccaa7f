public import SamverkanStore

extension PostgresStore {
    /// The columns of a feed, as ``SubscriptionFeed`` holds them.
    private static let feedRows = PostgresColumns(
        table: "feeds", columns: ["id", "selection_kind", "selection_value", "created_at", "revoked_at"])

    /// Stores a new feed by its token's hash and returns its id, with its audit row (as
    /// `AppDatabase.createFeed`).
    public func createFeed(tokenHash: String, selectionKind: String, selectionValue: String) async throws -> Int64 {
        try await client.transaction { client in
            let rows = try await client.rows(
                """
                INSERT INTO feeds (token_hash, selection_kind, selection_value, created_at) VALUES ($1, $2, $3, $4) RETURNING id
                """,
                [.text(tokenHash), .text(selectionKind), .text(selectionValue), .text(AppDatabase.secondsTimestamp())])
            guard let row = rows.first else { throw StoreError("store.internal", ["what": "the new feed got no id"]) }
            let id = try PostgresColumns(table: "feeds", columns: ["id"]).integer(row, "id")
            try await appendAudit(.feedsCreated, .feed(id), detail: "selection=\(selectionKind)", on: client)
            return id
        }
    }

    /// Every feed, oldest first, revoked ones too.
    public func feeds() async throws -> [SubscriptionFeed] {
        try await client.rows("SELECT \(Self.feedRows.selectList) FROM feeds ORDER BY id").map(Self.feed)
    }

    /// The active (not revoked) feed whose token has this hash, or nil.
    public func activeFeed(tokenHash: String) async throws -> SubscriptionFeed? {
        try await client.rows(
            "SELECT \(Self.feedRows.selectList) FROM feeds WHERE token_hash = $1 AND revoked_at IS NULL", [.text(tokenHash)]
        ).first.map(Self.feed)
    }

    /// Revokes a feed, with its audit row; false when there is no active feed with this id.
    public func revokeFeed(id: Int64) async throws -> Bool {
        try await client.transaction { client in
            let revoked = try await client.rows(
                "UPDATE feeds SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING id",
                [.text(AppDatabase.secondsTimestamp()), .integer(id)])
            guard !revoked.isEmpty else { return false }
            try await appendAudit(.feedsRevoked, .feed(id), on: client)
            return true
        }
    }

    /// The latest migration applied to the database (its schema version), e.g. `v12-audit`, by
    /// the same rule as `AppDatabase.schemaVersion`.
    public func schemaVersion() async throws -> String {
        let names = try await PostgresMigrator.applied(client)
        return AppDatabase.latestMigration(names)
    }

    private static func feed(_ row: [SQLValue]) throws -> SubscriptionFeed {
        let rows = feedRows
        return SubscriptionFeed(
            id: try rows.integer(row, "id"), selectionKind: try rows.text(row, "selection_kind"),
            selectionValue: try rows.text(row, "selection_value"), createdAt: try rows.text(row, "created_at"),
            revokedAt: try rows.optionalText(row, "revoked_at"))
    }
}
