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
            let store = PostgresStore(client: client, actor: AuditActor(person: nil))
            OpenStores.shared.add(store)
            return store
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

    /// Closes the connection (of this store and of every ``acting(as:)`` copy sharing it).
    public func close() async {
        OpenStores.shared.remove(client)
        await client.close()
    }

    /// Closes every store still open in this process: a command that ends, or fails, without
    /// closing its store calls this before it exits (postgres-nio wants every connection
    /// closed before it is released).
    public static func closeAll() async {
        for client in OpenStores.shared.takeAll() { await client.close() }
    }
}

/// The connections of the stores opened in this process and not yet closed.
private final class OpenStores: @unchecked Sendable {
    static let shared = OpenStores()
    private let lock = NSLock()
    private var clients: [ObjectIdentifier: PostgresClient] = [:]

    func add(_ store: PostgresStore) {
        lock.withLock { clients[ObjectIdentifier(store.client)] = store.client }
    }

    func remove(_ client: PostgresClient) {
        _ = lock.withLock { clients.removeValue(forKey: ObjectIdentifier(client)) }
    }

    func takeAll() -> [PostgresClient] {
        lock.withLock {
            defer { clients = [:] }
            return Array(clients.values)
        }
    }
}
