import Foundation
import SamverkanStore

/// The rows of one table, read from a source for a copy.
public struct TableContents: Sendable {
    public let table: String
    public let columns: [String]
    public let rows: [[SQLValue]]
}

/// The audit row a copy appends on its target, in the copy's transaction: `db.copied`, by the
/// target's database user and the configured person given with `--as` (if any).
public struct CopyAudit: Sendable {
    /// The configured person id, nil without `--as`.
    public var person: String?
    /// The engine copied from (`SQLite`, `PostgreSQL`), the row's detail.
    public var sourceEngine: String

    public init(person: String?, sourceEngine: String) {
        self.person = person
        self.sourceEngine = sourceEngine
    }

    /// The row's columns but id and database user, for an `INSERT`.
    static let columns = "at, actor_person, action, target, detail"

    /// The values of ``columns``.
    var values: [SQLValue] {
        [
            .text(AuditEntry.timestamp()), person.map { .text($0) } ?? .null, .text(AuditAction.databaseCopied.rawValue),
            .text(AuditTarget.database.text), .text("from=\(sourceEngine)"),
        ]
    }
}

/// What `db status` counts.
public struct DatabaseCounts: Sendable, Equatable {
    public var minutes: Int64
    public var approvedMinutes: Int64
    public var actionItems: Int64
    public var meetings: Int64
}

/// One database as `samverkan db` sees it, whichever the engine: its migrations, its tables and
/// columns, their rows, and a write of whole tables in one transaction.
public protocol DatabaseEndpoint: Sendable {
    /// The database as it may be shown (never a password).
    var location: String { get }
    /// `SQLite` or `PostgreSQL`.
    var engine: String { get }
    /// The migrations this samverkan knows for the engine, in order.
    var knownMigrations: [String] { get }
    /// The migrations the database holds, in order (empty when it has none yet).
    func appliedMigrations() async throws -> [String]
    /// Brings the schema up to date; returns the migrations applied now.
    func migrate() async throws -> [String]
    /// The data tables (not views, not the engine's own tables, not the migrations table).
    func tables() async throws -> Set<String>
    /// The columns a copy reads and writes, in table order (generated columns left out).
    func columns(of table: String) async throws -> [String]
    /// Every row of a table, in primary-key order.
    func rows(of table: String, columns: [String]) async throws -> [[SQLValue]]
    /// The counts of minutes, approved minutes, action items and registered meetings.
    func counts() async throws -> DatabaseCounts
    /// Writes the tables in one transaction, with the database's own triggers off (the rows are
    /// copied as they are, approved minutes included) and foreign keys checked at commit; then
    /// appends the `audit` row (`db.copied`) to the audit log, in the same transaction.
    /// - Throws: ``DatabaseAdminError`` `db.target-not-empty` when a table holds rows (other than
    ///   those a migration seeds) and `replace` is false; nothing is written then.
    func write(_ contents: [TableContents], replace: Bool, audit: CopyAudit) async throws
    /// Lets go of the database.
    func close() async
}

extension DatabaseEndpoint {
    /// The SQL of the counts, the same on both engines.
    static var countsSQL: String {
        """
        SELECT (SELECT COUNT(*) FROM minutes), (SELECT COUNT(*) FROM minutes WHERE approved_at IS NOT NULL),
               (SELECT COUNT(*) FROM action_items), (SELECT COUNT(*) FROM meetings)
        """
    }

    /// A row of four counts as ``DatabaseCounts``.
    static func counts(from row: [SQLValue]?) -> DatabaseCounts {
        let numbers = (row ?? []).map { value -> Int64 in if case .integer(let number) = value { number } else { 0 } }
        guard numbers.count == 4 else { return DatabaseCounts(minutes: 0, approvedMinutes: 0, actionItems: 0, meetings: 0) }
        return DatabaseCounts(minutes: numbers[0], approvedMinutes: numbers[1], actionItems: numbers[2], meetings: numbers[3])
    }
}

/// `"name"`: an identifier quoted for SQL on both engines.
func quoted(_ identifier: String) -> String {
    "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
