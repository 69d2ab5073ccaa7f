import GRDB
public import SamverkanDomain
import SamverkanStore

extension PostgresStore {
    /// Everything about minutes, for `minutes export --format json` (as
    /// `AppDatabase.exportArchive`): minutes by id with every part, cancelled meetings by date
    /// and structure, signatures, and the coordinators' meeting decisions by id. One statement
    /// a table, in one read-only transaction (one snapshot: a save at the same time is in the
    /// archive whole or not at all).
    public func exportArchive() async throws -> MinutesArchive {
        try await client.transaction { client in
            try await client.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            let minutes = try await PostgresTableJSON.rows(client, from: "minutes", order: "t.id")
            var children: [String: [Row]] = [:]
            for table in StoreRows.minutesChildTables {
                children[table] = try await PostgresTableJSON.rows(client, from: table, order: "t.minutes_id, t.position")
            }
            // COLLATE "C": the bytes' order, as SQLite's BINARY sorts text.
            let cancelled = try await PostgresTableJSON.rows(
                client, from: "cancelled_meetings", order: #"t.meeting_date COLLATE "C", t.structure_id COLLATE "C""#)
            let signatures = try await PostgresTableJSON.rows(client, from: "minutes_signatures", order: "t.minutes_id, t.position")
            let decisions = try await PostgresTableJSON.rows(client, from: "meeting_decisions", order: "t.id")
            return try StoreRows.archive(
                minutes: minutes, children: children, cancelled: cancelled, signatures: signatures, decisions: decisions)
        }
    }

    /// The archive as stable, pretty-printed JSON (sorted keys): the same bytes as
    /// `AppDatabase.exportJSON` for the same content.
    public func exportJSON() async throws -> String {
        try StoreRows.json(try await exportArchive())
    }
}
