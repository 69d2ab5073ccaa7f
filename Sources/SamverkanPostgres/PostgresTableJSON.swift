import Foundation
import GRDB
import SamverkanStore

/// Whole tables read in one statement each, as rows the store's records decode
/// (``StoreRows``): the server hands a table's rows as one JSON array (`json_agg`), each row an
/// object by column name, so no column list is written twice. The store's tables hold only
/// `BIGINT` and `TEXT`: a JSON number is an integer, a string text.
enum PostgresTableJSON {
    /// The rows of `from` (a table or view, alias `t`, with an optional `WHERE`), in `order`.
    static func rows(
        _ client: PostgresClient, from table: String, where filter: String = "", order: String, _ values: [SQLValue] = []
    ) async throws -> [Row] {
        let result = try await client.rows(
            "SELECT COALESCE(json_agg(t ORDER BY \(order)), '[]')::text FROM \(table) t \(filter)", values)
        guard case .text(let json)? = result.first?.first else {
            throw StoreError.unreadable(table)
        }
        return try decode(json, table: table)
    }

    /// The rows of a JSON array of row objects.
    static func decode(_ json: String, table: String) throws -> [Row] {
        guard let objects = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else {
            throw StoreError.unreadable(table)
        }
        return try objects.map { object in
            var cells: [String: (any DatabaseValueConvertible)?] = [:]
            for (column, value) in object {
                switch value {
                case is NSNull: cells.updateValue(nil, forKey: column)
                case let text as String: cells[column] = text
                case let number as NSNumber:
                    guard let integer = Int64(exactly: number.doubleValue) ?? Int64(number.stringValue) else {
                        throw StoreError.unreadable(table, column: column)
                    }
                    cells[column] = integer
                default: throw StoreError.unreadable(table, column: column)
                }
            }
            return Row(cells)
        }
    }
}
