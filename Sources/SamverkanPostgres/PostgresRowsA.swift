import SamverkanStore
import SamverkanTime

/// One result row of the minutes operations (``PostgresStore``'s group of minutes, justering,
/// search and audit), read by column position: each read names the table and column it is
/// about, so a value that cannot be read becomes ``StoreError`` `store.unreadable` (never a
/// default, never the row's values).
struct PostgresRowsA {
    let cells: [SQLValue]
    let table: String

    init(_ cells: [SQLValue], table: String) {
        self.cells = cells
        self.table = table
    }

    /// Every row of a result, each read as a row of `table`.
    static func all(_ rows: [[SQLValue]], table: String) -> [PostgresRowsA] {
        rows.map { PostgresRowsA($0, table: table) }
    }

    private func cell(_ index: Int) -> SQLValue {
        index < cells.count ? cells[index] : .null
    }

    /// The integer at `index`.
    func int(_ index: Int, _ column: String) throws -> Int64 {
        guard let value = try optionalInt(index, column) else { throw Self.unreadable(table, column) }
        return value
    }

    /// The integer at `index`, nil when NULL.
    func optionalInt(_ index: Int, _ column: String) throws -> Int64? {
        switch cell(index) {
        case .null: return nil
        case .integer(let value): return value
        default: throw Self.unreadable(table, column)
        }
    }

    /// The 0/1 flag at `index`.
    func bool(_ index: Int, _ column: String) throws -> Bool {
        guard let value = try optionalBool(index, column) else { throw Self.unreadable(table, column) }
        return value
    }

    /// The 0/1 flag at `index`, nil when NULL.
    func optionalBool(_ index: Int, _ column: String) throws -> Bool? {
        switch try optionalInt(index, column) {
        case nil: return nil
        case 0: return false
        case 1: return true
        default: throw Self.unreadable(table, column)
        }
    }

    /// The text at `index`.
    func text(_ index: Int, _ column: String) throws -> String {
        guard let value = try optionalText(index, column) else { throw Self.unreadable(table, column) }
        return value
    }

    /// The text at `index`, nil when NULL.
    func optionalText(_ index: Int, _ column: String) throws -> String? {
        switch cell(index) {
        case .null: return nil
        case .text(let value): return value
        default: throw Self.unreadable(table, column)
        }
    }

    /// The ISO date (`YYYY-MM-DD`) at `index`.
    func date(_ index: Int, _ column: String) throws -> LocalDate {
        guard let value = try optionalDate(index, column) else { throw Self.unreadable(table, column) }
        return value
    }

    /// The ISO date at `index`, nil when NULL.
    func optionalDate(_ index: Int, _ column: String) throws -> LocalDate? {
        guard let text = try optionalText(index, column) else { return nil }
        guard let date = LocalDate(iso: text) else { throw Self.unreadable(table, column) }
        return date
    }

    /// The value at `index` made from its raw text (a status, a kind), by `make`.
    func raw<Value>(_ index: Int, _ column: String, _ make: (String) -> Value?) throws -> Value {
        guard let value = make(try text(index, column)) else { throw Self.unreadable(table, column) }
        return value
    }

    /// `store.unreadable` about a column of a table, as the embedded store says it.
    static func unreadable(_ table: String, _ column: String) -> StoreError {
        StoreError("store.unreadable", ["table": table, "column": column])
    }
}
