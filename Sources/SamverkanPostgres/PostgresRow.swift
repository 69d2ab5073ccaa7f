import SamverkanStore
import SamverkanTime

/// One result row of a query on PostgreSQL (its cells as ``SQLValue``s, in the order the query
/// selects them), read by position, checked as the embedded store reads its rows: NULL where a
/// value must be, a value of another type or a malformed date is ``StoreError`` `store.unreadable`
/// naming the table and column (never a default, never the row's values). A read may name
/// another table than the row's, for a column a query joins in.
struct PostgresRow {
    let cells: [SQLValue]
    /// The table the columns come from unless a read names another.
    let table: String

    init(_ cells: [SQLValue], table: String) {
        self.cells = cells
        self.table = table
    }

    /// Every row of a result, each read as a row of `table`.
    static func all(_ rows: [[SQLValue]], table: String) -> [PostgresRow] {
        rows.map { PostgresRow($0, table: table) }
    }

    private func cell(_ index: Int) -> SQLValue {
        index < cells.count ? cells[index] : .null
    }

    /// The integer at `index`.
    func integer(_ index: Int, _ column: String, table: String? = nil) throws -> Int64 {
        guard let value = try optionalInteger(index, column, table: table) else { throw unreadable(column, table) }
        return value
    }

    /// The integer at `index`, nil when NULL.
    func optionalInteger(_ index: Int, _ column: String, table: String? = nil) throws -> Int64? {
        switch cell(index) {
        case .null: return nil
        case .integer(let value): return value
        default: throw unreadable(column, table)
        }
    }

    /// The 0/1 flag at `index`.
    func bool(_ index: Int, _ column: String, table: String? = nil) throws -> Bool {
        guard let value = try optionalBool(index, column, table: table) else { throw unreadable(column, table) }
        return value
    }

    /// The 0/1 flag at `index`, nil when NULL.
    func optionalBool(_ index: Int, _ column: String, table: String? = nil) throws -> Bool? {
        switch try optionalInteger(index, column, table: table) {
        case nil: return nil
        case 0: return false
        case 1: return true
        default: throw unreadable(column, table)
        }
    }

    /// The text at `index`.
    func text(_ index: Int, _ column: String, table: String? = nil) throws -> String {
        guard let value = try optionalText(index, column, table: table) else { throw unreadable(column, table) }
        return value
    }

    /// The text at `index`, nil when NULL.
    func optionalText(_ index: Int, _ column: String, table: String? = nil) throws -> String? {
        switch cell(index) {
        case .null: return nil
        case .text(let value): return value
        default: throw unreadable(column, table)
        }
    }

    /// The ISO date (`YYYY-MM-DD`) at `index`.
    func date(_ index: Int, _ column: String, table: String? = nil) throws -> LocalDate {
        guard let value = try optionalDate(index, column, table: table) else { throw unreadable(column, table) }
        return value
    }

    /// The ISO date at `index`, nil when NULL.
    func optionalDate(_ index: Int, _ column: String, table: String? = nil) throws -> LocalDate? {
        guard let text = try optionalText(index, column, table: table) else { return nil }
        guard let date = LocalDate(iso: text) else { throw unreadable(column, table) }
        return date
    }

    /// The value at `index` made from its raw text (a status, a kind), by `make`.
    func raw<Value>(_ index: Int, _ column: String, _ make: (String) -> Value?) throws -> Value {
        guard let value = make(try text(index, column)) else { throw unreadable(column, nil) }
        return value
    }

    private func unreadable(_ column: String, _ other: String?) -> StoreError {
        StoreError.unreadable(other ?? table, column: column)
    }
}

extension PostgresClient {
    /// The rows of a statement, each to be read checked as a row of `table`.
    func checkedRows(_ sql: String, _ values: [SQLValue] = [], table: String) async throws -> [PostgresRow] {
        PostgresRow.all(try await rows(sql, values), table: table)
    }
}
