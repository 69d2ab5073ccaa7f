import Foundation
import NIOCore
import PostgresNIO

extension PostgresClient {
    /// A failure to connect as a person can act on it: wrong password, no such database or role,
    /// refused, TLS not offered, or the server's own words (never the password).
    static func connectError(_ error: any Error, url: PostgresURL) -> DatabaseAdminError {
        let values = ["url": url.redacted]
        if let error = error as? PSQLError {
            switch error.code {
            case .server:
                let state = error.serverInfo?[.sqlState] ?? ""
                switch state {
                case "28P01", "28000": return DatabaseAdminError("db.authentication-failed", values.merging(["user": url.user]) { $1 })
                case "3D000": return DatabaseAdminError("db.no-such-database", values.merging(["database": url.database]) { $1 })
                default: return DatabaseAdminError("db.server-refused", values.merging(["detail": serverMessage(error, url)]) { $1 })
                }
            case .sslUnsupported:
                return DatabaseAdminError("db.tls-not-offered", values)
            case .authMechanismRequiresPassword:
                return DatabaseAdminError("db.password-missing", values.merging(["user": url.user]) { $1 })
            case .messageDecodingFailure, .unexpectedBackendMessage, .receivedUnencryptedDataAfterSSLRequest:
                // Something answered, but not as PostgreSQL does (a web server on that port, say).
                return DatabaseAdminError("db.not-postgres", values)
            case .serverClosedConnection where error.underlying == nil, .uncleanShutdown where error.underlying == nil:
                // Accepted and closed without a word: PostgreSQL would have said why.
                return DatabaseAdminError("db.not-postgres", values)
            default:
                break
            }
            if let underlying = error.underlying { return connectError(underlying, url: url) }
        }
        if case ChannelError.connectTimeout = error {
            return DatabaseAdminError("db.timeout", values.merging(["seconds": String(url.connectTimeout)]) { $1 })
        }
        return unreachable(error, url: url)
    }

    /// Why a server could not be reached, in the user's words where the reason is known (the
    /// network library's own text otherwise).
    static func unreachable(_ error: any Error, url: PostgresURL) -> DatabaseAdminError {
        let values = ["url": url.redacted]
        let described = String(describing: error) + " " + String(reflecting: error)
        if described.contains("Connection refused") { return DatabaseAdminError("db.refused", values) }
        if described.contains("UnknownHost") || described.contains("Name or service not known")
            || described.contains("No address associated")
        {
            return DatabaseAdminError("db.unknown-host", values.merging(["host": url.host]) { $1 })
        }
        // Hung up at once, before a word: no PostgreSQL server (which says why it refuses).
        if described.contains("Connection reset by peer") { return DatabaseAdminError("db.not-postgres", values) }
        if described.contains("unreachable") || described.contains("No route to host") {
            return DatabaseAdminError("db.no-route", values)
        }
        // (PSQLError describes itself in a generic sentence; its code says more.)
        let detail = (error as? PSQLError).map { $0.code.description } ?? String(describing: error)
        return DatabaseAdminError("db.unreachable", values.merging(["detail": scrub(detail, url)]) { $1 })
    }

    /// A failure of a statement: the server's message (a trigger's or constraint's words), or the
    /// connection lost mid-command.
    func queryError(_ error: any Error) -> DatabaseAdminError {
        let values = ["url": url.redacted]
        if let error = error as? PSQLError {
            switch error.code {
            case .server:
                let state = error.serverInfo?[.sqlState] ?? ""
                // 57P01..57P03: the administrator shut the server down (or it is starting).
                if state.hasPrefix("57P") { return DatabaseAdminError("db.connection-lost", values) }
                return DatabaseAdminError(
                    "db.statement-failed", values.merging(["detail": Self.serverMessage(error, url), "state": state]) { $1 })
            case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
                return DatabaseAdminError("db.connection-lost", values)
            default:
                return DatabaseAdminError("db.statement-failed", values.merging(["detail": error.code.description, "state": ""]) { $1 })
            }
        }
        if error is ChannelError || error is IOError { return DatabaseAdminError("db.connection-lost", values) }
        return DatabaseAdminError(
            "db.statement-failed", values.merging(["detail": Self.scrub(String(describing: error), url), "state": ""]) { $1 })
    }

    /// The server's message of an error, without the password should it quote one.
    static func serverMessage(_ error: PSQLError, _ url: PostgresURL) -> String {
        scrub(error.serverInfo?[.message] ?? error.code.description, url)
    }

    /// Text with every occurrence of the URL's password replaced by `***`.
    static func scrub(_ text: String, _ url: PostgresURL) -> String {
        guard let password = url.password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "***")
    }
}
