/// Rows to insert into one table, every value bound: one multi-row `INSERT`, and several of
/// them sent as one statement (``run(_:on:)``), so writing minutes with all their parts costs
/// two round trips instead of one per table.
struct RowsInsert {
    /// PostgreSQL binds at most 65,535 values in one statement.
    static let parameterLimit = 65_535

    let table: String
    let columns: [String]
    let rows: [[SQLValue]]
    /// The column indexes where NULL means the column's default (an id the database assigns).
    var defaultWhenNull: Set<Int> = []
    /// The `RETURNING` list, if rows are wanted back.
    var returning: String?

    /// The statement, its placeholders numbered after the `values` bound so far (appended to).
    func sql(binding values: inout [SQLValue]) -> String {
        var tuples: [String] = []
        for row in rows {
            var placeholders: [String] = []
            for (index, value) in row.enumerated() {
                if value == .null, defaultWhenNull.contains(index) {
                    placeholders.append("DEFAULT")
                } else {
                    values.append(value)
                    placeholders.append("$\(values.count)")
                }
            }
            tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))"
            + (returning.map { " RETURNING \($0)" } ?? "")
    }

    /// The rows in batches that each fit in one statement.
    var batches: [RowsInsert] {
        let size = max(1, Self.parameterLimit / max(1, columns.count))
        guard rows.count > size else { return [self] }
        return stride(from: 0, to: rows.count, by: size).map { start in
            RowsInsert(
                table: table, columns: columns, rows: Array(rows[start..<min(rows.count, start + size)]),
                defaultWhenNull: defaultWhenNull, returning: returning)
        }
    }

    /// Runs inserts (those without rows are skipped) as one statement, each a data-modifying
    /// `WITH` part, when their values fit in one; else one statement per batch.
    /// - Returns: the rows the `returning` lists asked for, all of them together.
    @discardableResult
    static func run(_ inserts: [RowsInsert], on client: PostgresClient) async throws -> [[SQLValue]] {
        let inserts = inserts.filter { !$0.rows.isEmpty }
        guard !inserts.isEmpty else { return [] }
        let count = inserts.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.count } }
        guard inserts.count > 1, count <= parameterLimit else {
            var result: [[SQLValue]] = []
            for batch in inserts.flatMap(\.batches) {
                var values: [SQLValue] = []
                let sql = batch.sql(binding: &values)
                result += try await client.rows(sql, values)
            }
            return result
        }
        var values: [SQLValue] = []
        var parts: [String] = []
        var returned: [String] = []
        for (index, insert) in inserts.enumerated() {
            parts.append("part\(index) AS (\(insert.sql(binding: &values)))")
            if insert.returning != nil { returned.append("SELECT * FROM part\(index)") }
        }
        // Every part runs whether the final query reads it or not.
        let final = returned.isEmpty ? "SELECT 1 WHERE FALSE" : returned.joined(separator: " UNION ALL ")
        return try await client.rows("WITH " + parts.joined(separator: ", ") + " " + final, values)
    }
}
