import Foundation
import SamverkanStore

/// Reading the cells of PostgreSQL rows (``SQLValue``s, in the order the query selects them)
/// as the values of the calendar, feed, mail and archive operations: a cell of the wrong kind is
/// a ``StoreError`` naming the table and column, as a row SQLite cannot decode is.
struct PostgresRowsC {
    /// The table the rows are of, for the error.
    let table: String
    /// The columns of the query, in order.
    let columns: [String]

    /// The position of a column of the query.
    func index(_ column: String) throws -> Int {
        guard let index = columns.firstIndex(of: column) else { throw unreadable(column) }
        return index
    }

    /// A text cell.
    func text(_ row: [SQLValue], _ column: String) throws -> String {
        guard let value = try optionalText(row, column) else { throw unreadable(column) }
        return value
    }

    /// A text cell or NULL.
    func optionalText(_ row: [SQLValue], _ column: String) throws -> String? {
        switch row[try index(column)] {
        case .null: return nil
        case .text(let value): return value
        default: throw unreadable(column)
        }
    }

    /// An integer cell.
    func integer(_ row: [SQLValue], _ column: String) throws -> Int64 {
        guard let value = try optionalInteger(row, column) else { throw unreadable(column) }
        return value
    }

    /// An integer cell or NULL.
    func optionalInteger(_ row: [SQLValue], _ column: String) throws -> Int64? {
        switch row[try index(column)] {
        case .null: return nil
        case .integer(let value): return value
        default: throw unreadable(column)
        }
    }

    /// `store.unreadable`, naming the table and column (never the row's values).
    func unreadable(_ column: String) -> StoreError {
        StoreError("store.unreadable", ["table": table, "column": column])
    }

    /// The `SELECT` list of the columns.
    var selectList: String { columns.joined(separator: ", ") }
}

extension SQLValue {
    /// Text, or NULL when nil.
    static func optional(_ text: String?) -> SQLValue {
        text.map(SQLValue.text) ?? .null
    }
}
