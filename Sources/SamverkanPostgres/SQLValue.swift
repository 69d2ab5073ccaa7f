public import Foundation

/// One cell as both engines store it: SQLite's storage classes, which PostgreSQL's `bigint`,
/// `double precision`, `text` and `bytea` hold without change.
public enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}
