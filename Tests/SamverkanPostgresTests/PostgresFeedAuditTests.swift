import Foundation
import SamverkanPostgres
import SamverkanStore
import SamverkanTestSupport
import Testing

/// The audit rows of feed writes on PostgreSQL: as SQLite's, in the write's transaction.
@Suite("PostgreSQL store: feed audit rows")
struct PostgresFeedAuditTests {
    @Test("Creating and revoking a feed write the audit rows SQLite writes, by the person acting; a refused write none")
    func audited() async throws {
        let hash = String(repeating: "d4", count: 32)
        let embedded = try AppDatabase.inMemory().acting(as: "Samordnaren")
        let opened = try await StoreEngine.postgres.emptyStore(label: "feedaudit")
        let store = try #require(opened as? PostgresStore).acting(as: "Samordnaren")
        func write(_ store: any MeetingStore) async throws {
            let id = try await store.createFeed(tokenHash: hash, selectionKind: "person", selectionValue: "anna@example.se")
            _ = try await store.revokeFeed(id: id)
            _ = try await store.revokeFeed(id: id)
        }
        try await write(embedded)
        try await write(store)
        // The same token again is refused by the database: neither a feed nor an audit row.
        await #expect(throws: (any Error).self) {
            try await store.createFeed(tokenHash: hash, selectionKind: "all", selectionValue: "")
        }
        let expected = try embedded.auditLog().map { [$0.action, $0.target, $0.detail ?? "-", $0.person ?? "-"] }
        #expect(expected.map(\.[0]) == ["feeds.created", "feeds.revoked"])
        let rows = try await store.client.rows(
            "SELECT action, target, COALESCE(detail, '-'), COALESCE(actor_person, '-') FROM audit_log ORDER BY id")
        #expect(rows.map { $0.map { if case .text(let text) = $0 { text } else { "?" } } } == expected)
        #expect(try await store.feeds().count == 1)
        await store.close()
    }
}
