public import SamverkanDomain

/// A failure of `samverkan db` or of the PostgreSQL engine: its code is the key of a message in
/// `errors.txt`. Values never hold a password.
///
/// `db.url-invalid`, `db.target-not-empty`, `db.source-*` and `db.schema-*` refuse what was asked
/// (exit 1); the others are the database failing or unreachable (exit 4).
public struct DatabaseAdminError: SamverkanError, Equatable {
    public let code: String
    public let values: [String: String]

    public init(_ code: String, _ values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }

    /// The codes that refuse what was asked rather than report a failing database.
    static let inputCodes: Set<String> = [
        "db.url-invalid", "db.target-not-empty", "db.same-database", "db.source-not-migrated", "db.target-lacks-table",
        "db.target-lacks-column", "db.unknown-table", "db.schema-newer", "db.source-missing",
    ]

    public var category: ErrorCategory { Self.inputCodes.contains(code) ? .input : .store }
}
