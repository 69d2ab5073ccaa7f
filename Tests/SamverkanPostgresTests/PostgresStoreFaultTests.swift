import Foundation
import SamverkanDomain
import SamverkanPostgres
import SamverkanStore
import SamverkanTestSupport
import Testing

/// Faults in the middle of a store's write: the server stopping, the transaction's session
/// killed, a host that never answers. Each gives a clear error soon (no crash, no hang) and
/// leaves all of the write or none of it; the next store works once the server is back.
@Suite("PostgreSQL store: faults", .serialized)
struct PostgresStoreFaultTests {
    /// How many rows the import's tables hold, table by table (all zero: nothing half-written).
    func counts(_ store: PostgresStore) async throws -> [Int64] {
        let tables = ["minutes", "minutes_attendance", "minutes_agenda", "decisions", "action_items", "minutes_signatures", "audit_log"]
        let rows = try await store.client.rows("SELECT " + tables.map { "(SELECT count(*) FROM \($0))" }.joined(separator: ", "))
        return try #require(rows.first).map { if case .integer(let count) = $0 { count } else { -1 } }
    }

    /// Starts an import of an archive with approved minutes that stops half-way, its minutes and
    /// their rows written: a psql session holds the approval chain's lock until `release`. Waits
    /// until the import waits for the lock.
    func blockedImport(
        _ store: PostgresStore, cluster: PostgresCluster, database: String
    ) async throws -> (import: Task<(minutes: Int, decisions: Int), any Error>, holder: RunningProcess) {
        let archive = try ArchiveSource.make().exportArchive()
        let holder = try cluster.startPsql(
            "BEGIN; LOCK TABLE approval_chain IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120);", database: database)
        try await waitFor(
            cluster, database: database, "SELECT count(*) FROM pg_locks WHERE relation = 'approval_chain'::regclass AND granted")
        let running = Task { try await store.importArchive(archive) }
        try await waitFor(
            cluster, database: database,
            "SELECT count(*) FROM pg_locks WHERE relation = 'approval_chain'::regclass AND NOT granted")
        return (running, holder)
    }

    /// Polls a count until it is above zero (at most 20 s).
    func waitFor(_ cluster: PostgresCluster, database: String, _ sql: String) async throws {
        for _ in 0..<200 {
            if let count = Int(try cluster.psql(sql, database: database)), count > 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for: \(sql)")
        throw CancellationError()
    }

    @Test("The server stopping mid-import: connection lost at once, nothing written; the next store works once it is back")
    func serverStops() async throws {
        let cluster = try PostgresCluster(label: "faults")
        defer { try? cluster.stop() }
        let database = try cluster.createDatabase("faults")
        let url = try PostgresURL(cluster.url(database), environment: [:])
        let store = try await PostgresStore.open(url)
        let (running, holder) = try await blockedImport(store, cluster: cluster, database: database)
        let started = Date()
        cluster.stopServer()
        let error = await #expect(throws: DatabaseAdminError.self) { try await running.value }
        #expect(error?.code == "db.connection-lost")
        #expect(Date().timeIntervalSince(started) < 20)
        holder.kill()
        _ = try? holder.wait()
        // The same store's next operation is a clear error too, not a hang.
        let next = await #expect(throws: DatabaseAdminError.self) { try await store.feeds() }
        #expect(next?.code == "db.connection-lost")
        await store.close()
        // While the server is down a new store is refused, as a person can read it.
        let down = await #expect(throws: DatabaseAdminError.self) { try await PostgresStore.open(url) }
        #expect(down?.code == "db.refused")
        try cluster.start()
        let again = try await PostgresStore.open(url)
        #expect(try await counts(again) == [0, 0, 0, 0, 0, 0, 0])
        #expect(try await again.importArchive(try ArchiveSource.make().exportArchive()) == (4, 1))
        #expect(try await counts(again).allSatisfy { $0 > 0 })
        await again.close()
    }

    @Test("The import's session killed mid-way (pg_terminate_backend): connection lost, nothing written, the lock released")
    func sessionKilled() async throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase("killed")
        let url = try PostgresURL(cluster.url(database), environment: [:])
        let store = try await PostgresStore.open(url)
        let (running, holder) = try await blockedImport(store, cluster: cluster, database: database)
        try cluster.psql(
            """
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE relation = 'approval_chain'::regclass AND NOT granted
            """, database: database)
        let error = await #expect(throws: DatabaseAdminError.self) { try await running.value }
        #expect(error?.code == "db.connection-lost")
        holder.kill()
        _ = try? holder.wait()
        try cluster.psql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            database: database)
        await store.close()
        let again = try await PostgresStore.open(url)
        #expect(try await counts(again) == [0, 0, 0, 0, 0, 0, 0])
        await again.close()
    }

    @Test("A client SIGKILLed inside its transaction leaves nothing and holds nothing: the same feed is then created")
    func clientKilled() async throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase("sigkill")
        let url = try PostgresURL(cluster.url(database), environment: [:])
        let store = try await PostgresStore.open(url)
        let hash = String(repeating: "ab", count: 32)
        // The server checks every 100 ms whether the client is still there.
        let client = try cluster.startPsql(
            """
            SET client_connection_check_interval = '100ms'; BEGIN;
            INSERT INTO feeds (token_hash, selection_kind, selection_value, created_at) VALUES ('\(hash)', 'all', '', 'nu');
            SELECT pg_sleep(120);
            """, database: database)
        try await waitFor(
            cluster, database: database,
            "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(120)%' AND pid <> pg_backend_pid()")
        client.kill()
        _ = try? client.wait()
        // Without the kill this would wait for the open transaction's row of the same token.
        let started = Date()
        let id = try await store.createFeed(tokenHash: hash, selectionKind: "all", selectionValue: "")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try await store.feeds().map(\.id) == [id])
        await store.close()
    }

    @Test("A host that never answers gives a timeout within the URL's connect_timeout, not a hang")
    func unreachable() async throws {
        let silent = try SilentListener()
        let started = Date()
        let error = await #expect(throws: DatabaseAdminError.self) {
            try await PostgresStore.open(
                try PostgresURL("postgres://anna:x@127.0.0.1:\(silent.port)/db?connect_timeout=2&sslmode=disable", environment: [:]))
        }
        #expect(error?.code == "db.timeout" && error?.values["seconds"] == "2")
        #expect(Date().timeIntervalSince(started) < 4)
        // An address nothing answers at (TEST-NET-1, RFC 5737): a timeout or unreachable, soon.
        let blackhole = Date()
        let lost = await #expect(throws: DatabaseAdminError.self) {
            try await PostgresStore.open(
                try PostgresURL("postgres://anna:x@192.0.2.1:5432/db?connect_timeout=2&sslmode=disable", environment: [:]))
        }
        #expect(lost?.code == "db.timeout" || lost?.code == "db.refused" || lost?.code == "db.unreachable")
        #expect(Date().timeIntervalSince(blackhole) < 4)
    }
}
