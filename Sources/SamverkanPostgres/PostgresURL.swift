public import Foundation

/// Where a PostgreSQL database is: `postgres://user[:password]@host[:port]/database?sslmode=…`
/// (also `postgresql://`), as libpq and `psql` read it.
///
/// The password comes from the URL or, when the URL has none, from `PGPASSWORD`. It is never part
/// of ``description`` nor of any message: ``redacted`` is the URL as it may be shown.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    /// How the connection uses TLS (`sslmode`): `disable`, `prefer` (the default, as libpq) or `require`.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// Seconds to wait for the server to answer before giving up (`connect_timeout`, default 10).
    public var connectTimeout: Int

    /// Whether text names a PostgreSQL database (`postgres://` or `postgresql://`) rather than a file.
    public static func isPostgres(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Whether text looks like an address rather than a file path (`scheme://…`, or `postgres:`
    /// with a slash missing): a typo in it must be an error, never a new file of that name.
    public static func looksLikeAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return isPostgres(text) || lower.contains("://") || lower.hasPrefix("postgres:") || lower.hasPrefix("postgresql:")
    }

    /// Reads a URL; the password falls back to `PGPASSWORD` from `environment`.
    /// - Throws: ``DatabaseAdminError`` `db.url-invalid` naming what is wrong (never the password).
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw DatabaseAdminError("db.url-invalid", ["url": Self.redact(text), "problem": "postgres://user@host:port/database"])
        }
        func invalid(_ problem: String) -> DatabaseAdminError {
            DatabaseAdminError("db.url-invalid", ["url": Self.redact(text), "problem": problem])
        }
        // A `#` or a second `@` is a password's character not percent-encoded: read as written,
        // parts of the password would become the host or the database (and be shown).
        if text.contains("#") || text.prefix(while: { $0 != "?" }).filter({ $0 == "@" }).count > 1 {
            throw DatabaseAdminError("db.url-password-characters", ["url": Self.redact(text)])
        }
        guard let user = components.user, !user.isEmpty else { throw invalid("user@") }
        guard let host = components.host, !host.isEmpty else { throw invalid("host") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw invalid("/database") }
        self.user = user
        // An IPv6 address is written in brackets (`[::1]`); the connection wants it without.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        self.database = database
        let fromURL = components.password.flatMap { $0.isEmpty ? nil : $0 }
        self.password = fromURL ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        self.sslMode = .prefer
        self.connectTimeout = 10
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else { throw invalid("sslmode=disable|prefer|require") }
                sslMode = mode
            case "connect_timeout":
                guard let seconds = item.value.flatMap(Int.init), seconds > 0, seconds <= 3600 else {
                    throw invalid("connect_timeout=SECONDS")
                }
                connectTimeout = seconds
            case "application_name":
                continue
            default:
                throw invalid("?\(item.name)=")
            }
        }
    }

    /// The URL as it may be shown: no password.
    public var redacted: String {
        "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    public var description: String { redacted }

    /// Text that may hold a URL with a password, with the password replaced by `***`.
    public static func redacted(_ text: String) -> String { redact(text) }

    /// Text that may hold a URL with a password, with the password replaced by `***`.
    static func redact(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let userInfo = text[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
