import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL database, opened from a ``PostgresURL``.
///
/// Every failure becomes a ``DatabaseAdminError`` a person can act on (timeout, refused,
/// wrong password, TLS not offered, server gone); the password never appears in one.
public final class PostgresClient: Sendable {
    /// The database this connection is to.
    public let url: PostgresURL
    let connection: PostgresConnection
    let logger: Logger

    private init(url: PostgresURL, connection: PostgresConnection, logger: Logger) {
        self.url = url
        self.connection = connection
        self.logger = logger
    }

    /// Connects, waiting at most `url.connectTimeout` seconds for the server to answer.
    public static func connect(_ url: PostgresURL) async throws -> PostgresClient {
        let logger = Logger(label: "samverkan.postgres") { _ in SwiftLogNoOpLogHandler() }
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: try tls(url))
        configuration.options.connectTimeout = .seconds(Int64(url.connectTimeout))
        let settings = configuration
        let timeout = url.connectTimeout
        do {
            let connection = try await race(seconds: timeout, url: url) {
                try await PostgresConnection.connect(configuration: settings, id: 1, logger: logger)
            }
            return PostgresClient(url: url, connection: connection, logger: logger)
        } catch let error as DatabaseAdminError {
            throw error
        } catch {
            throw connectError(error, url: url)
        }
    }

    /// The connection `connect` makes, or `db.timeout` after `seconds`, whichever comes first:
    /// the timeout does not wait for the attempt to notice that it was cancelled (a connection
    /// that arrives late is closed).
    private static func race(
        seconds: Int, url: PostgresURL, _ connect: @escaping @Sendable () async throws -> PostgresConnection
    ) async throws -> PostgresConnection {
        let gate = OnceGate()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PostgresConnection, any Error>) in
            let attempt = Task {
                do {
                    let connection = try await connect()
                    if gate.open() { continuation.resume(returning: connection) } else { try? await connection.close() }
                } catch {
                    if gate.open() { continuation.resume(throwing: error) }
                }
            }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                guard gate.open() else { return }
                attempt.cancel()
                continuation.resume(throwing: DatabaseAdminError("db.timeout", ["url": url.redacted, "seconds": String(seconds)]))
            }
        }
    }

    /// The TLS setting of `sslmode`: none, offered, or required (with the system's trust roots).
    static func tls(_ url: PostgresURL) throws -> PostgresConnection.Configuration.TLS {
        guard url.sslMode != .disable else { return .disable }
        do {
            var configuration = TLSConfiguration.makeClientConfiguration()
            // libpq's `require` encrypts without checking the certificate (verify-full checks it).
            configuration.certificateVerification = .none
            let context = try NIOSSLContext(configuration: configuration)
            return url.sslMode == .require ? .require(context) : .prefer(context)
        } catch {
            throw DatabaseAdminError("db.tls-unavailable", ["url": url.redacted, "detail": String(describing: error)])
        }
    }

    /// Closes the connection (errors on the way out are of no use to anyone), waiting at most
    /// two seconds.
    public func close() async {
        let connection = self.connection
        await bounded(seconds: 2) { try? await connection.close() }
    }

    /// Runs one statement (no result rows wanted); values are bound, never spliced into the SQL.
    public func execute(_ sql: String, _ values: [SQLValue] = []) async throws {
        _ = try await rows(sql, values)
    }

    /// Runs one statement and returns its rows as ``SQLValue``s, with the column names.
    public func rows(_ sql: String, _ values: [SQLValue] = []) async throws -> [[SQLValue]] {
        // A connection the server dropped (shut down, session killed) answers no query: say so at once.
        guard !connection.isClosed else { throw DatabaseAdminError("db.connection-lost", ["url": url.redacted]) }
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .blob(let data): bindings.append(ByteBuffer(bytes: data))
            }
        }
        do {
            let sequence = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
            var result: [[SQLValue]] = []
            for try await row in sequence {
                result.append(try row.map(Self.value(of:)))
            }
            return result
        } catch let error as DatabaseAdminError {
            throw error
        } catch {
            throw queryError(error)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T: Sendable>(_ body: (PostgresClient) async throws -> T) async throws -> T {
        try await execute("BEGIN")
        do {
            let result = try await body(self)
            try await execute("COMMIT")
            return result
        } catch {
            // A lost connection has rolled back already (the server ends the transaction).
            if (error as? DatabaseAdminError)?.code != "db.connection-lost" {
                await bounded(seconds: 5) { try? await self.execute("ROLLBACK") }
            }
            throw error
        }
    }

    /// A cell as a ``SQLValue`` by its PostgreSQL type.
    static func value(of cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2: return .integer(Int64(try cell.decode(Int16.self)))
        case .int4: return .integer(Int64(try cell.decode(Int32.self)))
        case .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8, .numeric: return .real(try cell.decode(Double.self))
        case .bytea:
            var buffer = try cell.decode(ByteBuffer.self)
            return .blob(Data(buffer.readBytes(length: buffer.readableBytes) ?? []))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }
}
