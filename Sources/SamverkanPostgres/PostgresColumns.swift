import Foundation
import SamverkanStore

/// The columns a query selects, by name, for reading its rows (``PostgresRow``, by position)
/// by column name: the calendar, feed, mail and archive operations.
struct PostgresColumns {
    /// The table the rows are of, for the error.
    let table: String
    /// The columns of the query, in order.
    let columns: [String]

    /// The position of a column of the query.
    func index(_ column: String) throws -> Int {
        guard let index = columns.firstIndex(of: column) else { throw StoreError.unreadable(table, column: column) }
        return index
    }

    /// A text cell.
    func text(_ row: [SQLValue], _ column: String) throws -> String {
        try PostgresRow(row, table: table).text(try index(column), column)
    }

    /// A text cell or NULL.
    func optionalText(_ row: [SQLValue], _ column: String) throws -> String? {
        try PostgresRow(row, table: table).optionalText(try index(column), column)
    }

    /// An integer cell.
    func integer(_ row: [SQLValue], _ column: String) throws -> Int64 {
        try PostgresRow(row, table: table).integer(try index(column), column)
    }

    /// An integer cell or NULL.
    func optionalInteger(_ row: [SQLValue], _ column: String) throws -> Int64? {
        try PostgresRow(row, table: table).optionalInteger(try index(column), column)
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
