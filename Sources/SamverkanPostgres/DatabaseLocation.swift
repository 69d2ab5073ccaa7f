/// A database `samverkan db` works on: an SQLite file (the embedded store) or a PostgreSQL database.
public enum DatabaseLocation: Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// A `postgres://` or `postgresql://` URL, or else the path of an SQLite file.
    /// - Throws: ``DatabaseAdminError`` when a PostgreSQL URL is malformed.
    public init(_ text: String, environment: [String: String]) throws {
        if PostgresURL.looksLikeAddress(text) {
            self = .postgres(try PostgresURL(text, environment: environment))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The engine's name as `db status` prints it.
    public var engine: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// The location as it may be shown (a URL without its password).
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.redacted
        }
    }
}
