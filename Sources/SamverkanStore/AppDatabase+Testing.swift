import Foundation
import FoundationEssentials
internal import GRDB

/// Raw SQL access for **tests and benchmarks only** (`package` visibility: other targets of
/// this package, never users of the library).
///
/// Tests use it to write what the store's API never writes (rows changed behind its back, a
/// corrupt value, a dropped trigger) and to read columns it does not expose; benchmarks use
/// it to seed large databases fast. Application code goes through the store's methods.
extension AppDatabase {
    /// Runs SQL statements in one write transaction. **Tests and benchmarks only.**
    /// - Parameters:
    ///   - sql: one or more statements; `?` placeholders take `arguments` in order.
    ///   - arguments: `Int`, `Int64`, `String`, `Bool`, `Double` or nil.
    /// - Throws: SQLite's error as it is (tests check trigger messages).
    package func unsafeRawWrite(_ sql: String, _ arguments: [(any Sendable)?] = []) throws {
        try write { db in try db.execute(sql: sql, arguments: RawSQLConnection.arguments(arguments)) }
    }

    /// Runs `body` in one write transaction with a raw connection. **Tests and benchmarks only.**
    package func unsafeRawWrite<T>(_ body: (RawSQLConnection) throws -> T) throws -> T {
        try write { db in try body(RawSQLConnection(db: db)) }
    }

    /// The rows a query selects, each value as text (integers in decimal) or nil for NULL.
    /// **Tests and benchmarks only.**
    package func unsafeRawRead(_ sql: String, _ arguments: [(any Sendable)?] = []) throws -> [[String?]] {
        try read { db in try RawSQLConnection(db: db).fetch(sql, arguments) }
    }

    /// An empty database in memory migrated up to and including `migration`, to test the later
    /// migrations with ``unsafeMigrate()``. **Tests only.**
    package static func unsafeInMemory(migratedUpTo migration: String) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(), migratingUpTo: migration)
    }

    /// Runs the migrations not yet applied. **Tests only.**
    package func unsafeMigrate() throws {
        try migrate()
    }
}

/// The connection a closure given to `AppDatabase.unsafeRawWrite(_:)` writes with.
/// **Tests and benchmarks only.**
package struct RawSQLConnection {
    let db: Database

    /// Runs a statement, prepared once per connection and reused (for seeding many rows).
    package func execute(_ sql: String, _ arguments: [(any Sendable)?] = []) throws {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
    }

    /// The rows a query selects, each value as text or nil for NULL.
    package func fetch(_ sql: String, _ arguments: [(any Sendable)?] = []) throws -> [[String?]] {
        try Row.fetchAll(db, sql: sql, arguments: Self.arguments(arguments)).map { row in
            row.databaseValues.map { value in
                switch value.storage {
                case .null: nil
                case .int64(let number): String(number)
                case .double(let number): String(number)
                case .string(let text): text
                case .blob(let data): data.base64EncodedString()
                }
            }
        }
    }

    static func arguments(_ values: [(any Sendable)?]) throws -> StatementArguments {
        StatementArguments(
            try values.map { value -> DatabaseValue in
                guard let value else { return .null }
                guard let convertible = value as? any DatabaseValueConvertible else {
                    throw StoreError(
                        "store.internal", ["what": "raw SQL takes Int, Int64, String, Bool, Double or nil, not \(type(of: value))"])
                }
                return convertible.databaseValue
            })
    }
}
