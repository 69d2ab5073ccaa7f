import Foundation
import SamverkanPostgres
public import SamverkanStore

/// The two engines of the one store API, for tests that run the same scenario against both
/// (`@Test(arguments: StoreEngine.allCases)`): the embedded SQLite store, in memory, and a
/// PostgreSQL database of its own in the test process's throwaway cluster.
public enum StoreEngine: String, CaseIterable, Sendable {
    case sqlite
    case postgres

    /// Runs `body` with an empty store of this engine (current schema), closed afterwards.
    public func withEmptyStore<T>(_ body: (any MeetingStore) async throws -> T) async throws -> T {
        let store = try await emptyStore()
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// An empty store of this engine; the caller closes it (`close()`).
    public func emptyStore(label: String = "store") async throws -> any MeetingStore {
        switch self {
        case .sqlite:
            return try AppDatabase.inMemory()
        case .postgres:
            return try await PostgresStore.open(try PostgresURL(try await Self.emptyPostgresDatabase(label), environment: [:]))
        }
    }

    /// The URL of a new database in the shared test cluster (started on first use), with the
    /// current schema: a copy of a template migrated once per test process.
    public static func emptyPostgresDatabase(_ label: String = "store") async throws -> String {
        let cluster = try PostgresCluster.shared()
        let template = try await MigratedTemplate.shared.name(in: cluster)
        let name = "\(label.lowercased().filter { $0.isLetter || $0.isNumber })_\(UUID().uuidString.prefix(8).lowercased())"
        try cluster.psql("CREATE DATABASE \(name) OWNER \(cluster.role) TEMPLATE \(template)")
        return cluster.url(name)
    }
}

/// The migrated template database of ``StoreEngine/emptyPostgresDatabase(_:)``, made once.
private actor MigratedTemplate {
    static let shared = MigratedTemplate()
    /// The one making (tests that ask at once wait for the same one).
    private var making: Task<String, any Error>?

    func name(in cluster: PostgresCluster) async throws -> String {
        if let making { return try await making.value }
        let task = Task { try await Self.make(in: cluster) }
        making = task
        return try await task.value
    }

    private static func make(in cluster: PostgresCluster) async throws -> String {
        let name = try cluster.createDatabase("template")
        let client = try await PostgresClient.connect(try PostgresURL(cluster.url(name), environment: [:]))
        do {
            try await PostgresMigrator.migrate(client)
        } catch {
            await client.close()
            throw error
        }
        await client.close()
        return name
    }
}
