import Foundation
public import SamverkanStore

/// The shared engine of the one store API (``MeetingStore``): a PostgreSQL database reached
/// through postgres-nio, with the schema of ``PostgresMigration`` (which enforces the same rules
/// as the embedded store's triggers and constraints).
///
/// One store holds one connection and is used by one task at a time (a CLI command); several
/// processes share the database, and PostgreSQL's transactions and locks keep them apart.
/// Every operation reads and writes in the same shapes as ``AppDatabase`` and throws the same
/// ``StoreError`` codes, so a caller never asks which engine it has.
public final class PostgresStore: Sendable {
    /// The connection.
    public let client: PostgresClient
    /// Who this store's writes are recorded as done by in the audit log.
    public let auditActor: AuditActor

    init(client: PostgresClient, actor: AuditActor) {
        self.client = client
        auditActor = actor
    }

    /// Connects to the database of a URL and brings its schema up to date (pending migrations
    /// run under the migrator's advisory lock, so two clients at once do not both apply them).
    /// - Throws: ``DatabaseAdminError`` when it cannot connect, or the database has a schema
    ///   newer than this samverkan (`db.schema-newer`).
    public static func open(_ url: PostgresURL) async throws -> PostgresStore {
        let client = try await PostgresClient.connect(url)
        do {
            let applied = try await PostgresMigrator.applied(client)
            try PostgresMigrator.checkKnown(applied, location: url.redacted)
            if applied != PostgresMigration.names { try await PostgresMigrator.migrate(client) }
            return PostgresStore(client: client, actor: AuditActor(person: nil))
        } catch {
            await client.close()
            throw error
        }
    }

    /// `PostgreSQL`.
    public var engineName: String { "PostgreSQL" }

    /// The same store (and connection), its writes recorded as done by a configured person.
    public func acting(as person: String?) -> PostgresStore {
        PostgresStore(client: client, actor: AuditActor(person: person))
    }

    /// Closes the connection.
    public func close() async {
        await client.close()
    }
}
