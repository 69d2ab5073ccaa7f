import GRDB
import SamverkanStore

extension PostgresStore {
    /// Inserts rows made by ``StoreRows`` (by column name), one statement a table with every row
    /// bound, in the caller's transaction.
    /// - Returns: the `id` of every row inserted into a table that has one, in order (for the
    ///   rows whose id the database gives).
    @discardableResult
    static func insert(_ tables: [StoreRows.TableRows], client: PostgresClient) async throws -> [String: [Int64]] {
        var ids: [String: [Int64]] = [:]
        for (table, rows) in tables where !rows.isEmpty {
            let columns = rows[0].keys.sorted()
            var values: [SQLValue] = []
            var tuples: [String] = []
            for row in rows {
                tuples.append("(" + columns.indices.map { "$\(values.count + $0 + 1)" }.joined(separator: ", ") + ")")
                values += columns.map { SQLiteEndpoint.value(of: row[$0] ?? .null) }
            }
            let returning = ["minutes", "action_items", "meeting_decisions"].contains(table) ? " RETURNING id" : ""
            let result = try await client.rows(
                "INSERT INTO \(quoted(table)) (\(columns.map(quoted).joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))\(returning)",
                values)
            if !returning.isEmpty {
                ids[table] = result.compactMap { if case .integer(let id)? = $0.first { id } else { nil } }
            }
        }
        return ids
    }
}
