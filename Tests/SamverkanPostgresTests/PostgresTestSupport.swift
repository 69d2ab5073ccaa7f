import Foundation
import SamverkanPostgres
import SamverkanTestSupport

/// Shared by the PostgreSQL tests: a fresh database in the test process's cluster, and connections to it.
struct PostgresTestDatabase {
    let cluster: PostgresCluster
    let name: String

    init(_ label: String = "test") throws {
        cluster = try PostgresCluster.shared()
        name = try cluster.createDatabase(label)
    }

    /// The database's URL (the test role and its password, no TLS).
    var url: String { cluster.url(name) }

    /// A new connection.
    func connect() async throws -> PostgresClient {
        try await PostgresClient.connect(try PostgresURL(url, environment: [:]))
    }

    /// A new connection to a database migrated to the latest schema.
    func migrated() async throws -> PostgresClient {
        let client = try await connect()
        try await PostgresMigrator.migrate(client)
        return client
    }
}
